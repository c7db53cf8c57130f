import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FieldError } from '../../../protocol/push';
import { sameValue } from '../../../protocol/sameValue';
import { useAppDeps } from '../../app/deps';
import { saveRecord } from '../../db/edits';
import type { OutboxEntry } from '../../db/schema';
import { useLiveQuery, useLiveQueryState } from '../../db/useLiveQuery';
import { fieldErrorText } from '../../i18n/fieldError';
import type { TableName } from '../../model';
import { type LocalMarks, readPayload } from '../../sync/outbox';
import type { EditContext, EditResult } from '../../sync/outboxDb';
import { recordEntries } from '../../sync/outboxRead';

export type Values = Record<string, unknown> & { id: string };

/**
 * Field errors by top-level field ('location_ids.0' → 'location_ids'), or by the first
 * `depth` parts of their path ('translations.en.name'); first message wins.
 */
export function errorsByField(errors: readonly FieldError[], depth = 1): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const field = e.field.split('.').slice(0, depth).join('.') || '_';
    out[field] ??= fieldErrorText(e);
  }
  return out;
}

/** Empty optional text becomes null: '' is no e-mail address, but "no e-mail" is fine. */
export function normalize(values: Values, nullable: readonly string[]): Values {
  const out: Values = { ...values };
  for (const f of nullable) {
    const v = out[f];
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) out[f] = null;
  }
  return out;
}

export function useEditContext(): EditContext {
  const { db, account } = useAppDeps();
  return { db, userEmail: account?.get().user?.email ?? null };
}

export interface Draft {
  id: string;
  isNew: boolean;
  /** False until the stored record (if any) was read. */
  loaded: boolean;
  /** The stored row (with its local marker), undefined for a new record. */
  row: (Values & LocalMarks) | undefined;
  values: Values;
  set(field: string, value: unknown): void;
  /** Changed since it was read or last saved (cleared fields count as unchanged). */
  dirty: boolean;
  /** Inline errors: from the last save attempt, else from the server's rejection. */
  errors: Record<string, string>;
  /** The same errors by their whole path, for fields inside a field ('translations.en.name'). */
  pathErrors: Record<string, string>;
  entries: OutboxEntry[];
  save(extra?: Record<string, unknown>): Promise<EditResult>;
}

/**
 * Form state for one record. The draft is taken from the stored row once; later changes of
 * the row (a pull) do not overwrite what the user is typing. Saving validates with the
 * shared schema and queues the edit (saveRecord in db/edits.ts).
 */
export function useDraft(
  table: TableName,
  idParam: string,
  create: (id: string) => Values,
  nullable: readonly string[],
  /** False while something `create` reads is still loading. */
  ready = true,
): Draft {
  const { db } = useAppDeps();
  const ctx = useEditContext();
  const isNew = idParam === 'neu';
  const id = useMemo(() => (isNew ? crypto.randomUUID() : idParam), [idParam, isNew]);
  const stored = useLiveQueryState<(Values & LocalMarks) | undefined>(
    async () => (isNew ? undefined : await db.table<Values & LocalMarks, string>(table).get(id)),
    [db, table, id, isNew],
  );
  const entries = useLiveQuery(() => recordEntries(db, table, id), [db, table, id], []);
  const [values, setValues] = useState<Values | null>(null);
  /** What "unchanged" means: the values as read, or as last saved. */
  const [baseline, setBaseline] = useState<Values | null>(null);
  const [failed, setFailed] = useState<readonly FieldError[] | null>(null);

  const loaded = !stored.loading;
  useEffect(() => {
    if (!loaded || !ready || values) return;
    const first = stored.value ? { ...stored.value } : create(id);
    setValues(first);
    setBaseline(first);
  }, [loaded, ready, values, stored.value, id]);
  const dirty = useMemo(
    () =>
      values !== null &&
      baseline !== null &&
      !sameValue(normalize(values, nullable), normalize(baseline, nullable)),
    [values, baseline],
  );

  const rejected = entries.find((e) => readPayload(e).state === 'rejected');
  const shownErrors = failed ?? (rejected ? (readPayload(rejected).errors ?? []) : []);

  return {
    id,
    isNew,
    loaded: loaded && values !== null,
    row: stored.value,
    values: values ?? { id },
    set(field, value) {
      setValues((v) => ({ ...(v ?? { id }), [field]: value }));
    },
    dirty,
    errors: errorsByField(shownErrors),
    pathErrors: errorsByField(shownErrors, Number.POSITIVE_INFINITY),
    entries,
    async save(extra = {}) {
      const next = normalize({ ...(values ?? { id }), ...extra, id }, nullable);
      const result = await saveRecord(ctx, table, next);
      setFailed(result.ok ? null : result.errors);
      if (result.ok) {
        setValues(next);
        setBaseline(next);
      }
      return result;
    },
  };
}

/** "de, tr" ↔ ['de', 'tr']. */
export const listToText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
export const textToList = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

export const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
