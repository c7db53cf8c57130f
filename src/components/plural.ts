import { t } from '../i18n';
import { formatNumber } from './format';

/**
 * German has three cases worth telling apart in counts: none, one, many. Keys follow the
 * pattern `<base>0`, `<base>1`, `<base>N` with `{n}` in the last.
 */
export function countText(base: 'count.offers' | 'schedules.count', n: number): string {
  if (n === 0) return t(`${base}0`);
  if (n === 1) return t(`${base}1`);
  return t(`${base}N`, { n: formatNumber(n) });
}
