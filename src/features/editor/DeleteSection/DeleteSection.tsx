import { useState } from 'preact/hooks';
import { navigate } from '../../../app/router';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import { deleteRecord, type LeafTable } from '../../../db/edits';
import { t } from '../../../i18n';
import { useEditContext } from '../draft';

interface Props {
  table: LeafTable;
  id: string;
  buttonLabel: string;
  question: string;
  /** Where to go after deleting. */
  then: string;
}

/** "Löschen" with a confirmation; the delete is queued like any edit. */
export function DeleteSection({ table, id, buttonLabel, question, then }: Props) {
  const ctx = useEditContext();
  const [open, setOpen] = useState(false);
  return (
    <section class="editor-section" aria-labelledby={`del-${id}`}>
      <h2 id={`del-${id}`}>{t('editor.deleteHeading')}</h2>
      <p>
        <button type="button" class="btn btn--danger" onClick={() => setOpen(true)}>
          {buttonLabel}
        </button>
      </p>
      {open && (
        <ConfirmDialog
          title={buttonLabel}
          confirmLabel={t('editor.deleteConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setOpen(false)}
          onConfirm={async () => {
            setOpen(false);
            await deleteRecord(ctx, table, id);
            navigate(then, { replace: true });
          }}
        >
          <p>{question}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
