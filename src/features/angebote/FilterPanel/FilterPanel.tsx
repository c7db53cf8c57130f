import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { navigate } from '../../../app/router';
import { label, t } from '../../../i18n';
import { CATEGORIES, TARGET_GROUPS, TRAITS } from '../../../model';
import { FILTER_KINDS, type FilterKind } from '../../../search/filters';
import { type ListParams, listHref, toggleValue } from '../params';
import './FilterPanel.css';

interface Props {
  params: ListParams;
  /** Quartiere and languages that occur in the data. */
  quartiere: string[];
  languages: string[];
}

interface Group {
  kind: FilterKind;
  title: string;
  options: { value: string; text: string }[];
}

function groups({ quartiere, languages }: Pick<Props, 'quartiere' | 'languages'>): Group[] {
  const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text, 'de');
  return [
    {
      kind: 'targetGroups',
      title: t('filters.targetGroups'),
      options: TARGET_GROUPS.map((v) => ({ value: v, text: label('targetGroup', v) })),
    },
    {
      kind: 'categories',
      title: t('filters.categories'),
      options: CATEGORIES.map((v) => ({ value: v, text: label('category', v) })),
    },
    {
      kind: 'quartiere',
      title: t('filters.quartiere'),
      options: quartiere.map((v) => ({ value: v, text: v })),
    },
    {
      kind: 'languages',
      title: t('filters.languages'),
      options: languages.map((v) => ({ value: v, text: label('language', v) })).sort(byText),
    },
    {
      kind: 'traits',
      title: t('filters.traits'),
      options: TRAITS.map((v) => ({ value: v, text: label('trait', v) })),
    },
  ];
}

/** Open at first when something is chosen; afterwards the user decides (no jumping). */
function GroupDetails({
  initiallyOpen,
  children,
}: {
  initiallyOpen: boolean;
  children: ComponentChildren;
}) {
  const [open] = useState(initiallyOpen);
  return (
    <details class="filter-panel__group" open={open}>
      {children}
    </details>
  );
}

/**
 * Filters as checkboxes, grouped and collapsed so the results stay in view on a phone.
 * Every tick is a navigation (the URL holds the filters; "back" undoes it) that leaves
 * focus on the checkbox.
 */
export function FilterPanel({ params, quartiere, languages }: Props) {
  const activeCount = FILTER_KINDS.reduce((n, k) => n + (params[k]?.length ?? 0), 0);
  const toggle = (kind: FilterKind, value: string) =>
    navigate(listHref(toggleValue(params, kind, value)), { keepFocus: true });

  return (
    <details class="filter-panel">
      <summary class="filter-panel__summary">
        {activeCount > 0 ? t('filters.summaryActive', { n: activeCount }) : t('filters.summary')}
      </summary>
      <div class="filter-panel__groups">
        {groups({ quartiere, languages }).map((g) => {
          const chosen = params[g.kind] ?? [];
          // A value from a shared link that this device does not know still shows.
          const options = [
            ...g.options,
            ...chosen
              .filter((v) => !g.options.some((o) => o.value === v))
              .map((v) => ({ value: v, text: v })),
          ];
          if (options.length === 0) return null;
          return (
            <GroupDetails key={g.kind} initiallyOpen={chosen.length > 0}>
              <summary class="filter-panel__group-title">
                {g.title}
                {chosen.length > 0 && (
                  <span class="filter-panel__badge">
                    {t('filters.chosen', { n: chosen.length })}
                  </span>
                )}
              </summary>
              <fieldset class="filter-panel__fieldset">
                <legend class="visually-hidden">{g.title}</legend>
                {options.map((o) => {
                  const id = `f-${g.kind}-${o.value}`.replace(/[^\w-]/g, '_');
                  return (
                    <div key={o.value} class="filter-panel__option">
                      <input
                        type="checkbox"
                        id={id}
                        checked={chosen.includes(o.value)}
                        onChange={() => toggle(g.kind, o.value)}
                      />
                      <label for={id}>{o.text}</label>
                    </div>
                  );
                })}
              </fieldset>
            </GroupDetails>
          );
        })}
      </div>
    </details>
  );
}
