import { t } from '../../i18n';
import { isPublicRecord, OFFER_TABLE, type Service } from '../../model';
import type { Draft } from './draft';
import { ChoiceGroup } from './fields/fields';

/**
 * public = for everyone; internal = only signed-in staff (never sent to residents).
 * `offer`: the offer a schedule or contact belongs to; while residents cannot see that
 * offer, they cannot see the record either, and the field says so.
 */
export function VisibilityField({
  draft,
  offer,
}: {
  draft: Draft;
  offer?: Pick<Service, 'visibility' | 'deleted'>;
}) {
  return (
    <>
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
      {offer && !isPublicRecord(OFFER_TABLE, offer, undefined) && (
        <p class="field__hint">{t('offerVisibility.hiddenByOffer')}</p>
      )}
    </>
  );
}
