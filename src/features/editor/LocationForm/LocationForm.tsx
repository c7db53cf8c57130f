import { useAppDeps } from '../../../app/deps';
import { liveRows } from '../../../db/offers';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { DeleteSection } from '../DeleteSection/DeleteSection';
import { type Draft, str, useDraft, type Values } from '../draft';
import { FormShell } from '../FormShell/FormShell';
import { draftTextField, ParsedField, SelectField } from '../fields/fields';
import { TranslationsFields } from '../TranslationsFields/TranslationsFields';
import { VisibilityField } from '../VisibilityField';

const NULLABLE = [
  'organization_id',
  'description',
  'latitude',
  'longitude',
  'accessibility',
  'transportation',
];
const FIELDS = [
  'name',
  'organization_id',
  'address_1',
  'postal_code',
  'city',
  'quartier',
  'description',
  'latitude',
  'longitude',
  'accessibility',
  'transportation',
  'visibility',
];

const blank = (id: string): Values => ({
  id,
  version: 0,
  name: '',
  address_1: '',
  postal_code: '',
  city: '',
  quartier: '',
  visibility: 'public',
});

/** Coordinates are typed as text (German decimal comma allowed) and stored as numbers. */
function CoordinateField({ draft, name }: { draft: Draft; name: 'latitude' | 'longitude' }) {
  return (
    <ParsedField<unknown>
      name={name}
      label={t(`editor.location.field.${name}`)}
      inputMode="decimal"
      value={draft.values[name]}
      format={(x) => (typeof x === 'number' ? String(x).replace('.', ',') : str(x))}
      parse={(x) => {
        const n = Number(x.replace(',', '.'));
        return x.trim() === '' ? null : Number.isFinite(n) ? n : x;
      }}
      error={draft.errors[name]}
      onChange={(x) => draft.set(name, x)}
    />
  );
}

/** Ort anlegen oder bearbeiten. */
export function LocationForm({ id }: { id: string }) {
  const { db } = useAppDeps();
  const draft = useDraft('locations', id, blank, NULLABLE);
  const v = draft.values;
  const orgs = useLiveQuery(() => liveRows(db.organizations), [db], []);
  const quartiers = useLiveQuery(
    async () => [...new Set(await db.locations.orderBy('quartier').uniqueKeys())].map(String),
    [db],
    [],
  );
  const label = (f: string) => t(`editor.location.field.${f}`);
  const text = draftTextField(draft, label);
  return (
    <FormShell
      title={
        draft.isNew ? t('editor.location.new') : str(draft.row?.name) || t('editor.location.edit')
      }
      draft={draft}
      labels={Object.fromEntries(FIELDS.map((f) => [f, label(f)]))}
      editHref={(x) => `/bearbeiten/orte/${x}`}
      back={{ href: '/bearbeiten#orte', label: t('editor.backToOverview') }}
      after={
        <DeleteSection
          table="locations"
          id={draft.id}
          buttonLabel={t('editor.location.delete')}
          question={t('editor.location.deleteText', { name: str(v.name) })}
          then="/bearbeiten"
        />
      }
    >
      {text('name', { required: true })}
      <SelectField
        name="organization_id"
        label={label('organization_id')}
        value={str(v.organization_id)}
        empty={t('editor.none')}
        options={[...orgs]
          .sort((a, b) => a.name.localeCompare(b.name, 'de'))
          .map((o) => ({ value: o.id, label: o.name }))}
        error={draft.errors.organization_id}
        onChange={(x) => draft.set('organization_id', x)}
      />
      {text('address_1', { required: true, autocomplete: 'off' })}
      {text('postal_code', { required: true, inputMode: 'numeric' })}
      {text('city', { required: true })}
      {text('quartier', { required: true, list: 'quartier-list' })}
      <datalist id="quartier-list">
        {quartiers.map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
      {text('description', { multiline: true })}
      <CoordinateField draft={draft} name="latitude" />
      <CoordinateField draft={draft} name="longitude" />
      {text('accessibility', { multiline: true })}
      {text('transportation', { multiline: true })}
      <VisibilityField draft={draft} />
      <TranslationsFields draft={draft} table="locations" label={label} />
    </FormShell>
  );
}
