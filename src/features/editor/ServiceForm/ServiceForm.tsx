import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { navigate } from '../../../app/router';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import { formatIsoDate } from '../../../components/format';
import { deleteOffer } from '../../../db/edits';
import { liveRows, offerContacts, offerSchedules } from '../../../db/offers';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { label, t } from '../../../i18n';
import { CATEGORIES, TARGET_GROUPS, TRAITS } from '../../../model';
import { describe } from '../../../schedule';
import { berlinDate } from '../../../schedule/tz';
import type { LocalMarks } from '../../../sync/outbox';
import { listToText, str, textToList, useDraft, useEditContext, type Values } from '../draft';
import { FormShell } from '../FormShell/FormShell';
import { ChoiceGroup, draftTextField, ParsedField, SelectField } from '../fields/fields';
import { TranslationsFields } from '../TranslationsFields/TranslationsFields';
import { VisibilityField } from '../VisibilityField';

const NULLABLE = [
  'alternate_name',
  'url',
  'email',
  'phone',
  'legal_basis',
  'fees_description',
  'eligibility_description',
  'application_process',
  'assured_date',
];

const FIELDS = [
  'name',
  'alternate_name',
  'organization_id',
  'description',
  'status',
  'visibility',
  'target_groups',
  'categories',
  'traits',
  'languages',
  'legal_basis',
  'location_ids',
  'phone',
  'email',
  'url',
  'fees_description',
  'eligibility_description',
  'application_process',
] as const;

function blank(id: string, organizationId: string): Values {
  return {
    id,
    version: 0,
    organization_id: organizationId,
    name: '',
    description: '',
    status: 'active',
    visibility: 'public',
    target_groups: [],
    categories: [],
    traits: [],
    languages: ['de'],
    location_ids: [],
  };
}

const fieldLabel = (f: string) => t(`editor.field.${f}`);

/** Angebot anlegen oder bearbeiten; dazu Sprechstunden, Ansprechpersonen und Aktionen. */
export function ServiceForm({ id, search }: { id: string; search: string }) {
  const { db, now } = useAppDeps();
  const ctx = useEditContext();
  const presetOrg = new URLSearchParams(search).get('traeger') ?? '';
  const draft = useDraft('services', id, (newId) => blank(newId, presetOrg), NULLABLE);
  const v = draft.values;
  const orgs = useLiveQuery(() => liveRows(db.organizations), [db], []);
  const locations = useLiveQuery(() => liveRows(db.locations), [db], []);
  const schedules = useLiveQuery(() => offerSchedules(db, draft.id), [db, draft.id], []);
  const contacts = useLiveQuery(() => offerContacts(db, draft.id), [db, draft.id], []);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionMessage, setActionMessage] = useState<string | null>(null);

  const labels = Object.fromEntries(FIELDS.map((f) => [f, fieldLabel(f)]));
  const err = draft.errors;
  const text = draftTextField(draft, fieldLabel);

  const quick = async (changes: Record<string, unknown>, message: string) => {
    for (const [k, x] of Object.entries(changes)) draft.set(k, x);
    const result = await draft.save(changes);
    setActionMessage(result.ok ? message : t('editor.fixFirst'));
  };

  const remove = async () => {
    setConfirmDelete(false);
    await deleteOffer(ctx, draft.id);
    navigate('/bearbeiten', { replace: true });
  };

  const isPublic = v.visibility !== 'internal';
  const sortedOrgs = [...orgs].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const sortedLocations = [...locations].sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const after = (
    <>
      <section class="editor-section" aria-labelledby="svc-publish">
        <h2 id="svc-publish">{t('editor.service.publishing')}</h2>
        <p>
          {isPublic ? t('editor.service.isPublic') : t('editor.service.isInternal')}
          <br />
          <span class="muted">
            {draft.row?.assured_date
              ? t('editor.service.assuredOn', { date: formatIsoDate(str(draft.row.assured_date)) })
              : t('editor.service.neverAssured')}
          </span>
        </p>
        <div class="editor-actions">
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() =>
              void quick(
                { visibility: isPublic ? 'internal' : 'public' },
                isPublic ? t('editor.service.unpublished') : t('editor.service.published'),
              )
            }
          >
            {isPublic ? t('editor.service.unpublish') : t('editor.service.publish')}
          </button>
          <button
            type="button"
            class="btn btn--secondary"
            onClick={() =>
              void quick({ assured_date: berlinDate(now()) }, t('editor.service.assuredDone'))
            }
          >
            {t('editor.service.assure')}
          </button>
          <a class="btn btn--secondary" href={`/bearbeiten/angebote/${draft.id}/verlauf`}>
            {t('editor.service.history')}
          </a>
          <a class="btn btn--secondary" href={`/angebote/${draft.id}`}>
            {t('editor.service.view')}
          </a>
        </div>
        <p role="status" class="form-shell__message">
          {actionMessage}
        </p>
      </section>

      <section class="editor-section" aria-labelledby="svc-hours">
        <h2 id="svc-hours">{t('editor.service.schedules')}</h2>
        {schedules.length === 0 ? (
          <p class="muted">{t('editor.service.noSchedules')}</p>
        ) : (
          <ul class="editor-list">
            {schedules.map((s) => (
              <li key={s.id}>
                <a href={`/bearbeiten/sprechstunden/${s.id}`}>{describe(s)}</a>
                {(s as LocalMarks).local_state && (
                  <span class="muted"> · {t('editor.pendingShort')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="btn btn--secondary" href={`/bearbeiten/sprechstunden/neu?angebot=${draft.id}`}>
            {t('editor.service.addSchedule')}
          </a>
        </p>
      </section>

      <section class="editor-section" aria-labelledby="svc-contacts">
        <h2 id="svc-contacts">{t('editor.service.contacts')}</h2>
        {contacts.length === 0 ? (
          <p class="muted">{t('editor.service.noContacts')}</p>
        ) : (
          <ul class="editor-list">
            {contacts.map((c) => (
              <li key={c.id}>
                <a href={`/bearbeiten/kontakte/${c.id}`}>{c.name}</a>
                {c.visibility === 'internal' && (
                  <span class="muted"> · {t('editor.internalShort')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="btn btn--secondary" href={`/bearbeiten/kontakte/neu?angebot=${draft.id}`}>
            {t('editor.service.addContact')}
          </a>
        </p>
      </section>

      <section class="editor-section" aria-labelledby="svc-delete">
        <h2 id="svc-delete">{t('editor.deleteHeading')}</h2>
        <p>
          <button type="button" class="btn btn--danger" onClick={() => setConfirmDelete(true)}>
            {t('editor.service.delete')}
          </button>
        </p>
      </section>
      {confirmDelete && (
        <ConfirmDialog
          title={t('editor.service.deleteTitle')}
          confirmLabel={t('editor.deleteConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
        >
          <p>{t('editor.service.deleteText', { name: str(v.name) })}</p>
        </ConfirmDialog>
      )}
    </>
  );

  return (
    <FormShell
      title={
        draft.isNew ? t('editor.service.new') : str(draft.row?.name) || t('editor.service.edit')
      }
      draft={draft}
      labels={labels}
      editHref={(x) => `/bearbeiten/angebote/${x}`}
      back={{ href: '/bearbeiten', label: t('editor.backToOverview') }}
      after={after}
    >
      {text('name', { required: true })}
      {text('alternate_name')}
      <SelectField
        name="organization_id"
        label={fieldLabel('organization_id')}
        required
        value={str(v.organization_id)}
        empty={t('editor.choose')}
        options={sortedOrgs.map((o) => ({ value: o.id, label: o.name }))}
        error={err.organization_id}
        onChange={(x) => draft.set('organization_id', x)}
        hint={t('editor.service.orgHint')}
      />
      <p class="field__hint">
        <a href="/bearbeiten/traeger/neu">{t('editor.org.new')}</a>
      </p>
      {text('description', { multiline: true })}
      <SelectField
        name="status"
        label={fieldLabel('status')}
        value={str(v.status)}
        options={['active', 'paused', 'ended'].map((s) => ({
          value: s,
          label: t(`editor.statusValue.${s}`),
        }))}
        error={err.status}
        onChange={(x) => draft.set('status', x)}
      />
      <VisibilityField draft={draft} />
      <ChoiceGroup
        name="target_groups"
        label={fieldLabel('target_groups')}
        columns
        options={TARGET_GROUPS.map((g) => ({ value: g, label: label('targetGroup', g) }))}
        selected={(v.target_groups as string[]) ?? []}
        error={err.target_groups}
        onChange={(x) => draft.set('target_groups', x)}
      />
      <ChoiceGroup
        name="categories"
        label={fieldLabel('categories')}
        columns
        options={CATEGORIES.map((c) => ({ value: c, label: label('category', c) }))}
        selected={(v.categories as string[]) ?? []}
        error={err.categories}
        onChange={(x) => draft.set('categories', x)}
      />
      <ChoiceGroup
        name="traits"
        label={fieldLabel('traits')}
        columns
        options={TRAITS.map((c) => ({ value: c, label: label('trait', c) }))}
        selected={(v.traits as string[]) ?? []}
        error={err.traits}
        onChange={(x) => draft.set('traits', x)}
      />
      <ParsedField
        name="languages"
        label={fieldLabel('languages')}
        value={v.languages}
        format={listToText}
        parse={textToList}
        hint={t('editor.languagesHint')}
        error={err.languages}
        onChange={(x) => draft.set('languages', x)}
      />
      {text('legal_basis', { hint: t('editor.service.legalHint') })}
      <ChoiceGroup
        name="location_ids"
        label={fieldLabel('location_ids')}
        options={sortedLocations.map((l) => ({ value: l.id, label: `${l.name} (${l.quartier})` }))}
        selected={(v.location_ids as string[]) ?? []}
        error={err.location_ids}
        onChange={(x) => draft.set('location_ids', x)}
      >
        <p class="field__hint">
          <a href="/bearbeiten/orte/neu">{t('editor.location.new')}</a>
        </p>
      </ChoiceGroup>
      {text('phone', { type: 'tel', autocomplete: 'off' })}
      {text('email', { type: 'email' })}
      {text('url', { type: 'url', hint: t('editor.urlHint') })}
      {text('fees_description', { multiline: true })}
      {text('eligibility_description', { multiline: true })}
      {text('application_process', { multiline: true })}
      <TranslationsFields draft={draft} table="services" label={fieldLabel} />
    </FormShell>
  );
}
