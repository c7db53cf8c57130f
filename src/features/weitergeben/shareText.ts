import { t } from '../../i18n';
import { DEFAULT_LANGUAGE, type UiLanguage } from '../../i18n/languages';
import type { ShownText } from '../../model/translated';

export interface SlipData {
  name: ShownText;
  provider: ShownText | null;
  /** Per place its name, and where it is: "Hüttenfelder Straße 195, 44879 Emscherhagen". */
  addresses: { place: ShownText; street: string }[];
  /** Formatted next dates ("Di., 12.11., 14–16 Uhr"). */
  nextDates: string[];
  phone: string | null;
  email: string | null;
  url: string;
  /** "maschinell übersetzt" in the UI language when a machine translated (noteLines). */
  textNotes: string[];
}

const addressLine = (a: SlipData['addresses'][number]) => `${a.place.text}, ${a.street}`;

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
  const lines = [d.name.text];
  if (d.provider?.text) lines.push(d.provider.text);
  for (const a of d.addresses) lines.push(addressLine(a));
  if (d.nextDates.length > 0) lines.push(t('share.textNext', { date: d.nextDates[0] as string }));
  if (d.phone) lines.push(t('share.textPhone', { phone: d.phone }));
  if (d.email) lines.push(t('share.textEmail', { email: d.email }));
  lines.push(...d.textNotes);
  lines.push(d.url);
  return lines.join('\n');
}

/** SMS: shorter (one address, one date), so it stays one or two messages. */
export function smsText(d: SlipData): string {
  const lines = [d.name.text];
  if (d.addresses[0]) lines.push(addressLine(d.addresses[0]));
  if (d.nextDates[0]) lines.push(t('share.textNext', { date: d.nextDates[0] }));
  if (d.phone) lines.push(t('share.textPhone', { phone: d.phone }));
  lines.push(...d.textNotes);
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
