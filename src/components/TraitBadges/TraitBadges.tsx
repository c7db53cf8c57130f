import { label } from '../../i18n';
import './TraitBadges.css';

/** Traits ("ohne Termin", "kostenlos" …) as small badges; a list, so counts are announced. */
export function TraitBadges({ traits, label: listLabel }: { traits: string[]; label?: string }) {
  if (traits.length === 0) return null;
  return (
    <ul class="trait-badges" aria-label={listLabel}>
      {traits.map((trait) => (
        <li key={trait} class="trait-badges__item">
          {label('trait', trait)}
        </li>
      ))}
    </ul>
  );
}
