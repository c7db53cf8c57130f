import { label, t } from '../../../i18n';
import { TARGET_GROUPS } from '../../../model/taxonomy';
import { listHref } from '../../angebote/params';
import './TargetGroupTiles.css';

interface Props {
  /** Active offers per target group slug; undefined while loading. */
  counts: Record<string, number> | undefined;
  labelledBy: string;
}

/** One link per Zielgruppe. Tiles are laid out while counts load, so nothing jumps. */
export function TargetGroupTiles({ counts, labelledBy }: Props) {
  return (
    <ul class="tg-tiles" aria-labelledby={labelledBy}>
      {TARGET_GROUPS.map((slug) => {
        const n = counts?.[slug];
        return (
          <li key={slug}>
            <a
              class={`tg-tiles__tile${n === 0 ? ' tg-tiles__tile--empty' : ''}`}
              href={listHref({ targetGroups: [slug] })}
            >
              <span class="tg-tiles__label">{label('targetGroup', slug)}</span>
              <span class="tg-tiles__count">
                {n === undefined ? '\u00a0' : t('count.offers', { n: n })}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
