import { t } from '../../i18n';
import { Icon } from '../Icon/Icon';
import { mailtoHref, safeHref, telHref } from '../safeHref';
import './ContactLinks.css';

interface Props {
  phone?: string | null;
  email?: string | null;
  url?: string | null;
}

/**
 * Tap-to-call, mail and web links. A value that cannot be made a safe link is still
 * shown, as text, so the information is never lost.
 */
export function ContactLinks({ phone, email, url }: Props) {
  const tel = telHref(phone);
  const mail = mailtoHref(email);
  const web = safeHref(url);
  const webIsHttp = web?.startsWith('http');
  if (!phone && !email && !url) return null;
  return (
    <ul class="contact-links">
      {phone && (
        <li>
          {tel ? (
            <a class="contact-links__link" href={tel}>
              <Icon name="phone" />
              <span>
                <span class="visually-hidden">{t('detail.phone')}:</span>{' '}
                <bdi dir="ltr">{phone}</bdi>
              </span>
            </a>
          ) : (
            <span class="contact-links__text">
              {t('detail.phone')}: <bdi dir="ltr">{phone}</bdi>
            </span>
          )}
        </li>
      )}
      {email && (
        <li>
          {mail ? (
            <a class="contact-links__link" href={mail}>
              <Icon name="mail" />
              <span>
                <span class="visually-hidden">{t('detail.email')}:</span>{' '}
                <bdi dir="ltr">{email}</bdi>
              </span>
            </a>
          ) : (
            <span class="contact-links__text">
              {t('detail.email')}: <bdi dir="ltr">{email}</bdi>
            </span>
          )}
        </li>
      )}
      {url && (
        <li>
          {web && webIsHttp ? (
            <a class="contact-links__link" href={web} target="_blank" rel="noopener noreferrer">
              <Icon name="external" />
              <span>
                <span class="visually-hidden">{t('detail.website')}:</span>{' '}
                <bdi dir="ltr">{url}</bdi>{' '}
                <span class="visually-hidden">{t('app.externalLink')}</span>
              </span>
            </a>
          ) : (
            <span class="contact-links__text">
              {t('detail.website')}: <bdi dir="ltr">{url}</bdi>
            </span>
          )}
        </li>
      )}
    </ul>
  );
}
