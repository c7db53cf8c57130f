import { formatNumber } from '../../../components/format';
import { t } from '../../../i18n';

export interface Bar {
  key: string;
  label: string;
  /** Null: fewer than five, drawn as a stub and written "< 5". */
  count: number | null;
}

const WIDTH = 400;
const ROW = 26;
const LABEL_W = 150;
const VALUE_W = 44;
const MAX_LABEL = 22;

const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/**
 * Horizontal bars with their labels and values. The table beside it carries the same
 * figures in full for screen readers, so the drawing is hidden from them.
 */
export function BarChart({ bars }: { bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const span = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(1, bars.length) * ROW;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {bars.map((b, i) => {
        const w = b.count === null ? 3 : Math.max(1, (b.count / max) * span);
        const y = i * ROW;
        return (
          <g key={b.key}>
            <text class="bar-chart__label" x={0} y={y + ROW / 2} dominant-baseline="middle">
              {short(b.label)}
            </text>
            <rect
              class={b.count === null ? 'bar-chart__bar bar-chart__bar--few' : 'bar-chart__bar'}
              x={LABEL_W}
              y={y + 4}
              width={w}
              height={ROW - 8}
              rx={2}
            />
            <text
              class="bar-chart__value"
              x={LABEL_W + w + 4}
              y={y + ROW / 2}
              dominant-baseline="middle"
            >
              {b.count === null ? t('dashboard.referrals.few') : formatNumber(b.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
