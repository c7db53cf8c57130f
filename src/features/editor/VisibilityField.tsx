import { t } from '../../i18n';
import type { Draft } from './draft';
import { ChoiceGroup } from './fields/fields';

/** public = for everyone; internal = only signed-in staff (never sent to residents). */
export function VisibilityField({ draft }: { draft: Draft }) {
  return (
    <ChoiceGroup
      name="visibility"
      label={t('editor.field.visibility')}
      single
      options={[
        { value: 'public', label: t('editor.visibility.public') },
        { value: 'internal', label: t('editor.visibility.internal') },
      ]}
      selected={[draft.values.visibility === 'internal' ? 'internal' : 'public']}
      error={draft.errors.visibility}
      onChange={(x) => draft.set('visibility', x[0] ?? 'public')}
    />
  );
}
