import { useAppDeps } from '../../../app/deps';
import { isSaved, setSaved } from '../../../db/savedOffers';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import './SaveToggle.css';

/** "Merken" as a toggle button: its pressed state is what a screen reader announces. */
export function SaveToggle({ id }: { id: string }) {
  const { db, now } = useAppDeps();
  const saved = useLiveQuery(() => isSaved(db, id), [db, id], false);
  return (
    <button
      type="button"
      class="btn btn--secondary save-toggle"
      aria-pressed={saved}
      onClick={() => void setSaved(db, id, !saved, now())}
    >
      <svg
        class="save-toggle__icon"
        viewBox="0 0 24 24"
        width="22"
        height="22"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"
          fill={saved ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
        />
      </svg>
      <span>{saved ? t('saved.saved') : t('saved.save')}</span>
    </button>
  );
}
