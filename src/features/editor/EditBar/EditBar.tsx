import { canEdit } from '../../../../protocol/roles';
import { useAppDeps } from '../../../app/deps';
import { t } from '../../../i18n';
import type { LocalState } from '../../../sync/outbox';
import { useAccount } from '../../../sync/useAccount';
import './EditBar.css';

/**
 * On an offer's page: "wartet auf Übertragung" while local edits are unsent (or in
 * conflict), and "Bearbeiten" for coordinators. Kept tiny: it ships with the detail page,
 * the editor itself is a separate chunk.
 */
export function EditBar({ id, localState }: { id: string; localState?: LocalState }) {
  const { account } = useAppDeps();
  const state = useAccount(account);
  const editor = state.user && canEdit(state.user.role);
  if (!editor && !localState) return null;
  return (
    <div class="edit-bar">
      {localState && (
        <p class={`edit-bar__state edit-bar__state--${localState}`} role="note">
          {t(`editor.mark.${localState}`)}
          {localState !== 'pending' && (
            <>
              {' · '}
              <a href="/konflikte">{t('editor.status.toConflicts')}</a>
            </>
          )}
        </p>
      )}
      {editor && (
        <a class="btn btn--secondary edit-bar__edit" href={`/bearbeiten/angebote/${id}`}>
          {t('editor.editThis')}
        </a>
      )}
    </div>
  );
}
