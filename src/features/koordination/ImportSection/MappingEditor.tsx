import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MappingEntry } from '../../../../protocol/importMapping';
import { useAppDeps } from '../../../app/deps';
import { formatNumber } from '../../../components/format';
import { label, t } from '../../../i18n';
import { CATEGORIES, TARGET_GROUPS } from '../../../model/taxonomy';
import { type ImportFailure, loadMapping, saveMapping } from '../../../sync/importApi';
import { ChoiceGroup, TextField } from '../../editor/fields/fields';
import { type MappingItem, mappingItems, matchesFilter } from '../mapping';

/** Terms rendered at once; the filter narrows a long list down. */
const SHOWN_TERMS = 50;

type Load =
  | { state: 'loading' }
  | { state: 'ready'; stored: MappingEntry[] }
  | { state: 'failed'; reason: ImportFailure };
type Save =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; reason: ImportFailure };

/** Known slugs first, then any a municipality added that this term already uses. */
const optionsOf = (
  kind: 'category' | 'targetGroup',
  known: readonly string[],
  used: readonly string[],
) =>
  [...known, ...used.filter((s) => !known.includes(s))].map((value) => ({
    value,
    label: label(kind, value),
  }));

function Term({
  item,
  index,
  onChange,
}: {
  item: MappingItem;
  index: number;
  onChange: (entry: MappingEntry) => void;
}) {
  const { entry } = item;
  const chosen = [
    ...entry.categories.map((s) => label('category', s)),
    ...entry.target_groups.map((s) => label('targetGroup', s)),
  ];
  return (
    <li>
      <details class="mapping-editor__term">
        <summary>
          <span dir="auto">{entry.term}</span>
          {item.count !== undefined && (
            <span class="muted">
              {' '}
              {t('dashboard.import.mapping.found', { n: formatNumber(item.count) })}
            </span>
          )}
          <span class="mapping-editor__chosen">
            {chosen.length > 0 ? chosen.join(', ') : t('dashboard.import.mapping.nothingYet')}
          </span>
        </summary>
        <ChoiceGroup
          name={`mapping-${index}-categories`}
          label={t('dashboard.import.mapping.categories')}
          options={optionsOf('category', CATEGORIES, entry.categories)}
          selected={entry.categories}
          columns
          onChange={(categories) => onChange({ ...entry, categories })}
        />
        <ChoiceGroup
          name={`mapping-${index}-groups`}
          label={t('dashboard.import.mapping.targetGroups')}
          options={optionsOf('targetGroup', TARGET_GROUPS, entry.target_groups)}
          selected={entry.target_groups}
          columns
          onChange={(target_groups) => onChange({ ...entry, target_groups })}
        />
      </details>
    </li>
  );
}

/**
 * The stored taxonomy mapping, with the last dry run's unmapped terms on top. Only changed
 * terms are sent, so two coordinators working on different terms do not undo each other;
 * after a save, `onSaved` repeats the dry run so the report shows the new mapping at work.
 */
export function MappingEditor({
  unmapped,
  onSaved,
}: {
  unmapped: readonly { term: string; count: number }[];
  onSaved: () => void;
}) {
  const { account } = useAppDeps();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [edits, setEdits] = useState<ReadonlyMap<string, MappingEntry>>(new Map());
  const [save, setSave] = useState<Save>({ state: 'idle' });
  const [filter, setFilter] = useState('');
  const fetch = globalThis.fetch.bind(globalThis);

  const reload = async () => {
    const result = await loadMapping(fetch, account?.token() ?? null);
    if (!result.ok && result.reason === 'auth') account?.markExpired();
    setLoad(
      result.ok
        ? { state: 'ready', stored: result.entries }
        : { state: 'failed', reason: result.reason },
    );
  };
  // Loaded once, when the panel opens.
  useEffect(() => {
    void reload();
  }, []);

  const stored = load.state === 'ready' ? load.stored : [];
  const items = useMemo(() => mappingItems(stored, unmapped, edits), [stored, unmapped, edits]);
  // Each term keeps its place in the whole list as its field ids, whatever the filter shows.
  const shown = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => matchesFilter(item, filter));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (edits.size === 0) return;
    setSave({ state: 'saving' });
    const result = await saveMapping(fetch, account?.token() ?? null, [...edits.values()]);
    if (!result.ok) {
      if (result.reason === 'auth') account?.markExpired();
      // The ticks stay, so nothing is lost; saving again sends them again.
      setSave({ state: 'failed', reason: result.reason });
      return;
    }
    setEdits(new Map());
    setSave({ state: 'saved' });
    await reload();
    onSaved();
  };

  const status =
    load.state === 'loading'
      ? t('dashboard.import.mapping.loading')
      : load.state === 'failed'
        ? t(`dashboard.import.mapping.failed.${load.reason}`)
        : save.state === 'saving'
          ? t('dashboard.import.mapping.saving')
          : save.state === 'saved'
            ? t('dashboard.import.mapping.saved')
            : save.state === 'failed'
              ? t(`dashboard.import.mapping.failed.${save.reason}`)
              : '';
  const failed = load.state === 'failed' || save.state === 'failed';

  return (
    <form class="mapping-editor" onSubmit={(e) => void submit(e)}>
      <p class="muted">{t('dashboard.import.mapping.explain')}</p>
      {load.state === 'ready' && items.length === 0 && <p>{t('dashboard.import.mapping.none')}</p>}
      {load.state === 'ready' && items.length > 0 && (
        <>
          <TextField
            name="mapping-filter"
            type="search"
            label={t('dashboard.import.mapping.filter')}
            value={filter}
            onInput={setFilter}
          />
          {shown.length === 0 && <p>{t('dashboard.import.mapping.noMatch', { filter })}</p>}
          {shown.length > 0 && (
            <ul class="mapping-editor__list">
              {shown.slice(0, SHOWN_TERMS).map(({ item, index }) => (
                <Term
                  key={item.key}
                  item={item}
                  index={index}
                  onChange={(entry) => {
                    setEdits(new Map(edits).set(item.key, entry));
                    setSave({ state: 'idle' });
                  }}
                />
              ))}
            </ul>
          )}
          {shown.length > SHOWN_TERMS && (
            <p class="muted">
              {t('dashboard.import.mapping.more', { n: formatNumber(shown.length - SHOWN_TERMS) })}
            </p>
          )}
          <button type="submit" class="btn" disabled={edits.size === 0 || save.state === 'saving'}>
            {t('dashboard.import.mapping.save', { n: formatNumber(edits.size) })}
          </button>
        </>
      )}
      <p
        role="status"
        class={failed ? 'dashboard__message dashboard__message--error' : 'dashboard__message'}
      >
        {status}
      </p>
    </form>
  );
}
