import { t } from '../../../i18n';
import type { Location, Schedule } from '../../../model';
import { CalendarButton } from '../CalendarButton/CalendarButton';
import { offerHoursHref } from '../links';
import { NextDates, placeLabels } from '../NextDates/NextDates';
import { useNow } from '../useNow';
import './OfferDates.css';

interface Props {
  name: string;
  serviceId: string;
  schedules: readonly Schedule[];
  locations: readonly Location[];
}

/**
 * For the offer's detail page: the next 3 dates (cancelled ones struck out), the calendar
 * export and the link for a door notice.
 */
export function OfferDates({ name, serviceId, schedules, locations }: Props) {
  const now = useNow();
  if (schedules.length === 0) return null;
  return (
    <div class="offer-dates">
      <h3 class="offer-dates__title">{t('schedules.nextDates')}</h3>
      <NextDates schedules={schedules} now={now} count={3} labelOf={placeLabels(locations)} />
      <CalendarButton
        name={name}
        serviceId={serviceId}
        schedules={schedules}
        locations={locations}
      />
      <p class="offer-dates__link">
        <a href={offerHoursHref(serviceId)}>{t('schedules.residentPage')}</a>
      </p>
    </div>
  );
}
