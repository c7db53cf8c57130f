import { Icon } from '../../../components/Icon/Icon';
import { telHref } from '../../../components/safeHref';
import { t } from '../../../i18n';
import './CallButton.css';

/**
 * Tap to call, at the top of the offer: in a walk-in hour the phone is what a caretaker
 * needs first. Nothing when the number cannot be dialled (the contacts show it as text).
 */
export function CallButton({ phone }: { phone: string | null }) {
  const href = telHref(phone);
  if (!phone || !href) return null;
  return (
    <a class="btn call-button" href={href}>
      <Icon name="phone" />
      <span>
        {t('call.action')} <span class="call-button__number">{phone}</span>
      </span>
    </a>
  );
}
