import { t } from '../../../i18n';
import { DeleteSection } from '../DeleteSection/DeleteSection';
import { str, useDraft, type Values } from '../draft';
import { FormShell } from '../FormShell/FormShell';
import { draftTextField } from '../fields/fields';
import { TranslationsFields } from '../TranslationsFields/TranslationsFields';
import { VisibilityField } from '../VisibilityField';

const NULLABLE = ['email', 'website', 'phone'];
const FIELDS = ['name', 'description', 'email', 'website', 'phone', 'visibility'];

const blank = (id: string): Values => ({
  id,
  version: 0,
  name: '',
  description: '',
  visibility: 'public',
});

/** Träger anlegen oder bearbeiten. */
export function OrganizationForm({ id }: { id: string }) {
  const draft = useDraft('organizations', id, blank, NULLABLE);
  const v = draft.values;
  const label = (f: string) => t(`editor.org.field.${f}`);
  const text = draftTextField(draft, label);
  return (
    <FormShell
      title={draft.isNew ? t('editor.org.new') : str(draft.row?.name) || t('editor.org.edit')}
      draft={draft}
      labels={Object.fromEntries(FIELDS.map((f) => [f, label(f)]))}
      editHref={(x) => `/bearbeiten/traeger/${x}`}
      back={{ href: '/bearbeiten#traeger', label: t('editor.backToOverview') }}
      after={
        <DeleteSection
          table="organizations"
          id={draft.id}
          buttonLabel={t('editor.org.delete')}
          question={t('editor.org.deleteText', { name: str(v.name) })}
          then="/bearbeiten"
        />
      }
    >
      {text('name', { required: true })}
      {text('description', { multiline: true })}
      {text('phone', { type: 'tel' })}
      {text('email', { type: 'email' })}
      {text('website', { type: 'url', hint: t('editor.urlHint') })}
      <VisibilityField draft={draft} />
      <TranslationsFields draft={draft} table="organizations" label={label} />
    </FormShell>
  );
}
