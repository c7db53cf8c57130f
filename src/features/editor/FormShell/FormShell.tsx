import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../../app/router';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { t } from '../../../i18n';
import type { Draft } from '../draft';
import { fieldId } from '../fields/fields';
import { RecordStatus } from '../RecordStatus/RecordStatus';
import { useLeaveGuard } from '../useLeaveGuard';
import './FormShell.css';

interface Props {
  title: string;
  draft: Draft;
  /** Field labels for the error summary. */
  labels: Record<string, string>;
  /** Where a new record's page lives once saved, e.g. `/bearbeiten/orte/<id>`. */
  editHref: (id: string) => string;
  back: { href: string; label: string };
  children: ComponentChildren;
  /** Below the form: actions and related records (only for stored records). */
  after?: ComponentChildren;
}

/**
 * A new record's form is replaced by the form at its own address after the first save; the
 * confirmation travels along so it is still announced there.
 */
const flash = new Map<string, string>();

/**
 * The frame of every editor form: heading, sync state of the record, error summary (focused
 * after a failed save, each entry links to its field), the fields, and "Speichern" in a bar
 * that stays in view. Leaving with unsaved changes asks first.
 */
export function FormShell({ title, draft, labels, editHref, back, children, after }: Props) {
  const [message, setMessage] = useState<string | null>(() => {
    const carried = flash.get(draft.id) ?? null;
    flash.delete(draft.id);
    return carried;
  });
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const errorList = Object.entries(draft.errors);
  // Every record form ends with its translations (TranslationsFields).
  const fieldLabels: Record<string, string> = {
    translations: t('translatedContentEditor.title'),
    ...labels,
  };
  const leave = useLeaveGuard(draft.dirty);

  useEffect(() => {
    if (attempt > 0 && errorList.length > 0) summary.current?.focus();
  }, [attempt]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    setMessage(null);
    const result = await draft.save();
    setAttempt((n) => n + 1);
    if (!result.ok) return;
    const text = result.queued ? t('editor.saved') : t('editor.unchanged');
    setMessage(text);
    if (draft.isNew) {
      flash.set(draft.id, text);
      navigate(editHref(draft.id), { replace: true });
    }
  }

  if (!draft.loaded) {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (!draft.isNew && !draft.row) {
    return (
      <div class="page">
        <PageHeading title={t('editor.notFound')} />
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      </div>
    );
  }

  return (
    <div class="page form-shell">
      <p class="form-shell__back">
        <a href={back.href}>{back.label}</a>
      </p>
      <PageHeading title={title} />
      <RecordStatus entries={draft.entries} />
      {errorList.length > 0 && (
        <div class="form-shell__summary" role="alert" tabIndex={-1} ref={summary}>
          <p>
            <strong>{t('editor.errorSummary', { n: errorList.length })}</strong>
          </p>
          <ul>
            {errorList.map(([field, msg]) => (
              <li key={field}>
                {fieldLabels[field] ? (
                  <a
                    href={`#${fieldId(field)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(field))?.focus();
                    }}
                  >
                    {fieldLabels[field]}: {msg}
                  </a>
                ) : (
                  msg
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form class="form-shell__form" onSubmit={onSubmit} noValidate>
        {children}
        <div class="form-shell__actions">
          <button type="submit" class="btn">
            {t('editor.save')}
          </button>
          <p class="form-shell__message" role="status">
            {message}
          </p>
        </div>
      </form>
      {!draft.isNew && after}
      {leave.asking && (
        <ConfirmDialog
          title={t('leave.title')}
          confirmLabel={t('leave.discard')}
          cancelLabel={t('leave.keep')}
          danger
          onConfirm={leave.discard}
          onCancel={leave.keep}
        >
          <p>{t('leave.text')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
