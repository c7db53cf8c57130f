import { useId, useState } from 'preact/hooks';
import type { FieldConflict } from '../../../../protocol/push';
import { useAppDeps } from '../../../app/deps';
import { formatDateTime } from '../../../components/format';
import type { OutboxEntry } from '../../../db/schema';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { fieldErrorText } from '../../../i18n/fieldError';
import { mergeListChange, mergeOffersSomethingNew } from '../../../sync/mergeList';
import { readPayload } from '../../../sync/outbox';
import { type FieldChoice, resolveConflict } from '../../../sync/outboxDb';
import { useEditContext } from '../../editor/draft';
import { fieldLabel, recordTitle, shownValue } from '../labels';

type Kind = FieldChoice['kind'] | 'merge';

/** Free editing only for text: a list or a flag is better chosen than typed. */
const editable = (c: FieldConflict) =>
  (typeof c.server === 'string' || c.server === null) &&
  (typeof c.client === 'string' || c.client === null);

/** For a list both sides changed: both changes together, if that differs from either. */
function mergedList(c: FieldConflict) {
  const merged = mergeListChange(c.base, c.client, c.server);
  return merged && mergeOffersSomethingNew(merged, c.client, c.server) ? merged : null;
}

/** Who made the other edit and when, as far as the server told (coordinators only). */
function ConflictOrigin({ conflict }: { conflict: FieldConflict }) {
  const origin = [conflict.by, conflict.at && formatDateTime(conflict.at)].filter(Boolean);
  if (origin.length === 0) return null;
  return (
    <p class="conflict-card__origin muted">
      {t('conflicts.origin.other', { origin: origin.join(', ') })}
    </p>
  );
}

function FieldChoiceGroup({
  conflict,
  kind,
  text,
  onKind,
  onText,
}: {
  conflict: FieldConflict;
  kind: Kind | undefined;
  text: string;
  onKind: (k: Kind) => void;
  onText: (s: string) => void;
}) {
  const id = useId();
  const merged = mergedList(conflict);
  const isDelete = conflict.field === 'deleted';
  const theyDeleted = isDelete && conflict.server === true;
  const option = (value: Kind, label: string, detail?: string) => (
    <label class="conflict-card__option">
      <input
        type="radio"
        name={`${id}-choice`}
        value={value}
        checked={kind === value}
        onChange={() => onKind(value)}
      />
      <span>
        {label}
        {detail !== undefined && <span class="conflict-card__value">{detail}</span>}
      </span>
    </label>
  );
  if (isDelete) {
    return (
      <fieldset class="conflict-card__field">
        <legend>{theyDeleted ? t('conflicts.theyDeleted') : t('conflicts.iDeleted')}</legend>
        <ConflictOrigin conflict={conflict} />
        {theyDeleted
          ? option('mine', t('conflicts.restoreMine'))
          : option('mine', t('conflicts.deleteAnyway'))}
        {theyDeleted
          ? option('theirs', t('conflicts.keepDeleted'))
          : option('theirs', t('conflicts.keepTheirs'))}
      </fieldset>
    );
  }
  return (
    <fieldset class="conflict-card__field">
      <legend>{fieldLabel(conflict.field)}</legend>
      <p class="conflict-card__before">
        {t('conflicts.origin.before')}
        <span class="conflict-card__value">{shownValue(conflict.base, conflict.field)}</span>
      </p>
      {option('mine', t('conflicts.mine'), shownValue(conflict.client, conflict.field))}
      {option('theirs', t('conflicts.theirs'), shownValue(conflict.server, conflict.field))}
      <ConflictOrigin conflict={conflict} />
      {merged && option('merge', t('conflicts.merge'), shownValue(merged, conflict.field))}
      {editable(conflict) && option('edit', t('conflicts.edit'))}
      {kind === 'edit' && (
        <>
          <label class="visually-hidden" for={`${id}-text`}>
            {t('conflicts.editLabel', { field: fieldLabel(conflict.field) })}
          </label>
          <textarea
            id={`${id}-text`}
            class="conflict-card__edit"
            rows={3}
            value={text}
            onInput={(e) => onText((e.target as HTMLTextAreaElement).value)}
          />
        </>
      )}
    </fieldset>
  );
}

/** One record in conflict: each contested field with its choices, then "Übernehmen". */
export function ConflictCard({
  entry,
  onResolved,
}: {
  entry: OutboxEntry;
  onResolved?: (message: string) => void;
}) {
  const { db } = useAppDeps();
  const ctx = useEditContext();
  const payload = readPayload(entry);
  const conflicts = payload.conflicts ?? [];
  const row = useLiveQuery(
    () => db.table<Record<string, unknown>, string>(entry.table).get(entry.recordId),
    [db, entry.table, entry.recordId],
  );
  const [kinds, setKinds] = useState<Record<string, Kind>>({});
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      conflicts.map((c) => [c.field, typeof c.client === 'string' ? c.client : '']),
    ),
  );
  const [errors, setErrors] = useState<string[]>([]);
  const headingId = useId();

  async function apply(e: Event) {
    e.preventDefault();
    if (conflicts.some((c) => !kinds[c.field])) {
      setErrors([t('conflicts.chooseAll')]);
      return;
    }
    const choices: Record<string, FieldChoice> = {};
    for (const c of conflicts) {
      const kind = kinds[c.field] as Kind;
      const text = texts[c.field] ?? '';
      choices[c.field] =
        kind === 'merge'
          ? { kind: 'edit', value: mergedList(c) }
          : kind === 'edit'
            ? { kind, value: text.trim() === '' ? null : text }
            : { kind };
    }
    const result = await resolveConflict(ctx, entry.seq as number, choices);
    if (!result.ok) {
      setErrors(
        result.errors.map(
          (x) => `${fieldLabel(x.field.split('.')[0] ?? '')}: ${fieldErrorText(x)}`,
        ),
      );
      return;
    }
    onResolved?.(result.queued ? t('conflicts.resolvedQueued') : t('conflicts.resolved'));
  }

  return (
    <form class="card conflict-card" aria-labelledby={headingId} onSubmit={apply}>
      <h3 id={headingId}>
        {t(`conflicts.table.${entry.table}`)}: {recordTitle(row, entry.recordId)}
      </h3>
      {conflicts.map((c) => (
        <FieldChoiceGroup
          key={c.field}
          conflict={c}
          kind={kinds[c.field]}
          text={texts[c.field] ?? ''}
          onKind={(k) => setKinds((m) => ({ ...m, [c.field]: k }))}
          onText={(s) => setTexts((m) => ({ ...m, [c.field]: s }))}
        />
      ))}
      {errors.length > 0 && (
        <ul class="conflict-card__errors" role="alert">
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
      <p>
        <button type="submit" class="btn">
          {t('conflicts.apply')}
        </button>
      </p>
    </form>
  );
}
