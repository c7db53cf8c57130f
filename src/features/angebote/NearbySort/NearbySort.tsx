import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { navigate } from '../../../app/router';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { type NearbyOrder, nearbyChoices, type Origin } from '../nearbyQuery';
import { type ListParams, listHref } from '../params';
import { type PositionError, requestPosition } from './position';
import './NearbySort.css';

const DEVICE = 'standort';

function originText(origin: Origin): string {
  if (origin.kind === 'device') return t('nearby.fromDevice');
  if (origin.kind === 'quartier') return t('nearby.fromQuartier', { name: origin.name });
  return t('nearby.fromPlace', { name: origin.location.name, address: origin.location.address_1 });
}

function orderNote(order: NearbyOrder, von: string | undefined): string {
  if (order.status === 'needsPosition') return t('nearby.needsPosition');
  if (order.status === 'unknownOrigin') return t('nearby.unknownOrigin', { von: von ?? '' });
  const from = t('nearby.sortedFrom', { origin: originText(order.origin) });
  if (order.unplaced === 0) return from;
  return `${from} ${t('nearby.unplaced', { n: order.unplaced })}`;
}

/**
 * "Sortierung": the usual order, or nearest first from the device's position (asked only
 * when chosen), a Quartier or an address. Distances come from the places' coordinates on
 * this device: no map service, works offline. The choice lives in the URL.
 */
export function NearbySort({ params, order }: { params: ListParams; order: NearbyOrder | null }) {
  const { db } = useAppDeps();
  const choices = useLiveQuery(() => nearbyChoices(db), [db]);
  const current = params.sortierung !== 'naehe' ? '' : params.von ? `von:${params.von}` : DEVICE;
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PositionError | null>(null);
  const chosen = value ?? current;

  const go = (von: string | null | undefined) => {
    setValue(null);
    const sort = von === null ? {} : { sortierung: 'naehe' as const, von: von || undefined };
    // A navigation like a filter: Back returns to the previous order.
    navigate(listHref({ ...params, sortierung: undefined, von: undefined, ...sort }), {
      keepFocus: true,
    });
  };
  const locate = async () => {
    setBusy(true);
    setError(null);
    try {
      await requestPosition();
      go('');
    } catch (e) {
      setError(e as PositionError);
    } finally {
      setBusy(false);
    }
  };
  const apply = (e: Event) => {
    e.preventDefault();
    if (chosen === '') go(null);
    else if (chosen === DEVICE) void locate();
    else go(chosen.slice('von:'.length));
  };

  return (
    <form class="nearby-sort" onSubmit={apply}>
      <label for="nearby-sort-choice" class="nearby-sort__label">
        {t('nearby.label')}
      </label>
      <div class="nearby-sort__row">
        <select
          id="nearby-sort-choice"
          class="nearby-sort__select"
          value={chosen}
          onChange={(e) => setValue((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('nearby.usual')}</option>
          <option value={DEVICE}>{t('nearby.device')}</option>
          {choices && choices.quartiere.length > 0 && (
            <optgroup label={t('nearby.quartierGroup')}>
              {choices.quartiere.map((q) => (
                <option key={q} value={`von:${q}`}>
                  {q}
                </option>
              ))}
            </optgroup>
          )}
          {choices && choices.places.length > 0 && (
            <optgroup label={t('nearby.placeGroup')}>
              {choices.places.map((l) => (
                <option key={l.id} value={`von:${l.id}`}>
                  {`${l.name}, ${l.address_1}`}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button type="submit" class="btn btn--secondary" disabled={busy}>
          {t('nearby.apply')}
        </button>
      </div>
      {busy && (
        <p class="muted nearby-sort__note" role="status">
          {t('nearby.locating')}
        </p>
      )}
      {error && (
        <p class="nearby-sort__error" role="alert">
          {t(`nearby.error.${error}`)} {t('nearby.error.instead')}
        </p>
      )}
      {order && !busy && (
        <p class="muted nearby-sort__note">
          {orderNote(order, params.von)}
          {order.status === 'needsPosition' && (
            <>
              {' '}
              <button type="button" class="btn btn--secondary" onClick={() => void locate()}>
                {t('nearby.usePosition')}
              </button>
            </>
          )}
        </p>
      )}
    </form>
  );
}
