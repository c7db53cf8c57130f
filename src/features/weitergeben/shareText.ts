import { t } from '../../i18n';
import { DEFAULT_LANGUAGE, type UiLanguage } from '../../i18n/languages';

export interface SlipData {
  name: string;
  provider: string | null;
  /** "Hüttenfelder Straße 195, 44879 Emscherhagen" */
  addresses: string[];
  /** Formatted next dates ("Di., 12.11., 14–16 Uhr"). */
  nextDates: string[];
  phone: string | null;
  email: string | null;
  url: string;
}

/**
 * The public address of an offer: opens for anyone, without an account, and in the
 * language it was handed over in (`?lang=`, for that visit only) unless that is German.
 */
export function publicOfferUrl(
  origin: string,
  id: string,
  lang: UiLanguage = DEFAULT_LANGUAGE,
): string {
  const url = `${origin.replace(/\/+$/, '')}/angebote/${encodeURIComponent(id)}`;
  return lang === DEFAULT_LANGUAGE ? url : `${url}?lang=${encodeURIComponent(lang)}`;
}

/** Text for sharing (messenger, mail): everything a person needs to get there. */
export function shareText(d: SlipData): string {
  const lines = [d.name];
  if (d.provider) lines.push(d.provider);
  for (const a of d.addresses) lines.push(a);
  if (d.nextDates.length > 0) lines.push(t('share.textNext', { date: d.nextDates[0] as string }));
  if (d.phone) lines.push(t('share.textPhone', { phone: d.phone }));
  if (d.email) lines.push(t('share.textEmail', { email: d.email }));
  lines.push(d.url);
  return lines.join('\n');
}

/** SMS: shorter (one address, one date), so it stays one or two messages. */
export function smsText(d: SlipData): string {
  const lines = [d.name];
  if (d.addresses[0]) lines.push(d.addresses[0]);
  if (d.nextDates[0]) lines.push(t('share.textNext', { date: d.nextDates[0] }));
  if (d.phone) lines.push(t('share.textPhone', { phone: d.phone }));
  lines.push(d.url);
  return lines.join('\n');
}

/**
 * An `sms:` link with a prepared text. The app builds it from its own data, so it is not
 * subject to the http/tel/mailto rule for links that come from records. `?&body=` is the
 * form both Android and iOS accept.
 */
export function smsHref(text: string): string {
  return `sms:?&body=${encodeURIComponent(text)}`;
}
