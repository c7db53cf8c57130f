import { t } from '../../../i18n';
import { childVisibility } from '../../../model';
import { DeleteSection } from '../DeleteSection/DeleteSection';
import { listToText, str, textToList, useDraft, type Values } from '../draft';
import { FormShell } from '../FormShell/FormShell';
import { draftTextField, ParsedField } from '../fields/fields';
import { TranslationsFields } from '../TranslationsFields/TranslationsFields';
import { useOffer } from '../useOffer';
import { VisibilityField } from '../VisibilityField';

const NULLABLE = ['title', 'phone', 'email', 'availability', 'service_id', 'organization_id'];
const FIELDS = ['name', 'title', 'phone', 'email', 'languages', 'availability', 'visibility'];

/** Ansprechperson eines Angebots anlegen oder bearbeiten. */
export function ContactForm({ id, search }: { id: string; search: string }) {
  const serviceId = new URLSearchParams(search).get('angebot');
  const offer = useOffer(serviceId);
  const draft = useDraft(
    'contacts',
    id,
    (newId): Values => ({
      id: newId,
      version: 0,
      service_id: serviceId,
      name: '',
      languages: ['de'],
      visibility: childVisibility(offer.value),
    }),
    NULLABLE,
    !offer.loading,
  );
  const v = draft.values;
  const owner = str(v.service_id);
  const ownerOffer = useOffer(owner || null).value;
  const back = owner
    ? { href: `/bearbeiten/angebote/${owner}`, label: t('editor.backToService') }
    : { href: '/bearbeiten', label: t('editor.backToOverview') };
  const label = (f: string) => t(`editor.contact.field.${f}`);
  const text = draftTextField(draft, label);
  return (
    <FormShell
      title={
        draft.isNew ? t('editor.contact.new') : str(draft.row?.name) || t('editor.contact.edit')
      }
      draft={draft}
      labels={Object.fromEntries(FIELDS.map((f) => [f, label(f)]))}
      editHref={(x) => `/bearbeiten/kontakte/${x}`}
      back={back}
      after={
        <DeleteSection
          table="contacts"
          id={draft.id}
          buttonLabel={t('editor.contact.delete')}
          question={t('editor.contact.deleteText', { name: str(v.name) })}
          then={back.href}
        />
      }
    >
      {text('name', { required: true })}
      {text('title', { hint: t('editor.contact.titleHint') })}
      {text('phone', { type: 'tel' })}
      {text('email', { type: 'email' })}
      <ParsedField
        name="languages"
        label={label('languages')}
        value={v.languages}
        format={listToText}
        parse={textToList}
        hint={t('editor.languagesHint')}
        error={draft.errors.languages}
        onChange={(x) => draft.set('languages', x)}
      />
      {text('availability', { hint: t('editor.contact.availabilityHint') })}
      <VisibilityField draft={draft} offer={ownerOffer} />
      <p class="field__hint">{t('editor.contact.internalHint')}</p>
      <TranslationsFields draft={draft} table="contacts" label={label} />
    </FormShell>
  );
}
