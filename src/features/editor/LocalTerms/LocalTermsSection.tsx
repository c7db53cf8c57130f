import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import { addLocalTerm, deleteLocalTerm, listLocalTerms } from '../../../db/localTerms';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { fieldErrorText } from '../../../i18n/fieldError';
import type { LocalTerm } from '../../../model';
import { useEditContext } from '../draft';

export interface ConceptOption {
  id: string;
  label: string;
}

/** "Eigene Suchwörter": a district's own words for a concept, listed, added and deleted. */
export function LocalTermsSection({ concepts }: { concepts: ConceptOption[] }) {
  const { db } = useAppDeps();
  const ctx = useEditContext();
  const terms = useLiveQuery(() => listLocalTerms(db), [db], []);
  const [concept, setConcept] = useState(concepts[0]?.id ?? '');
  const [term, setTerm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<LocalTerm | null>(null);
  const label = (id: string) => concepts.find((c) => c.id === id)?.label ?? id;

  const add = async (e: Event) => {
    e.preventDefault();
    const result = await addLocalTerm(ctx, { concept, term });
    if (result.ok) {
      setTerm('');
      setError(null);
    } else {
      setError(
        result.errors
          .map((x) =>
            x.code === 'duplicate' ? t('editor.localTerms.duplicate') : fieldErrorText(x),
          )
          .join(' '),
      );
    }
  };

  return (
    <section class="editor-section" aria-labelledby="local-terms">
      <h2 id="local-terms">{t('editor.localTerms.title')}</h2>
      <p>{t('editor.localTerms.hint')}</p>
      <ul>
        {terms.map((row) => (
          <li key={row.id}>
            {label(row.concept)}: {row.term}{' '}
            <button
              type="button"
              class="btn btn--secondary"
              aria-label={t('editor.localTerms.deleteOne', { term: row.term })}
              onClick={() => setAsking(row)}
            >
              {t('editor.localTerms.delete')}
            </button>
          </li>
        ))}
      </ul>
      {terms.length === 0 && <p class="muted">{t('editor.localTerms.none')}</p>}
      {asking && (
        <ConfirmDialog
          title={t('editor.localTerms.deleteOne', { term: asking.term })}
          confirmLabel={t('editor.deleteConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setAsking(null)}
          onConfirm={async () => {
            setAsking(null);
            await deleteLocalTerm(ctx, asking.id);
          }}
        >
          <p>
            {t('editor.localTerms.deleteQuestion', {
              term: asking.term,
              concept: label(asking.concept),
            })}
          </p>
        </ConfirmDialog>
      )}
      <form onSubmit={add} noValidate>
        <div class="field">
          <label class="field__label" for="local-term-concept">
            {t('editor.localTerms.concept')}
          </label>
          <select
            id="local-term-concept"
            value={concept}
            onChange={(e) => setConcept((e.target as HTMLSelectElement).value)}
          >
            {concepts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="local-term-word">
            {t('editor.localTerms.term')}
          </label>
          <input
            id="local-term-word"
            value={term}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'local-term-error' : undefined}
            onInput={(e) => setTerm((e.target as HTMLInputElement).value)}
          />
          {error && (
            <p id="local-term-error" class="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="btn">
          {t('editor.localTerms.add')}
        </button>
      </form>
    </section>
  );
}
