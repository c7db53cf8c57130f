/**
 * Data arrives from many Träger and devices; a link must never be able to run code.
 * Only web, phone and mail links pass — everything else (javascript:, data:, vbscript:,
 * file:, relative paths that could hit our own API) yields undefined, and the caller
 * renders plain text instead of a link.
 */
const ALLOWED = new Set(['http:', 'https:', 'tel:', 'mailto:']);

function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function safeHref(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  // Browsers strip control characters and whitespace before parsing a scheme
  // ("java\tscript:"), so we parse exactly what the browser would see.
  const trimmed = url.trim();
  if (!trimmed || hasControlChars(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(parsed.protocol)) return undefined;
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.hostname) {
    return undefined;
  }
  return parsed.protocol === 'tel:' || parsed.protocol === 'mailto:' ? trimmed : parsed.href;
}

/** `tel:` link for a phone number as people write it ("0202 563-1234", "+49 (0)202 …"). */
export function telHref(phone: string | null | undefined): string | undefined {
  if (typeof phone !== 'string') return undefined;
  let digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  // Only a leading plus is meaningful.
  digits = digits.replace(/(?!^)\+/g, '');
  if (digits.replace('+', '').length < 3) return undefined;
  return safeHref(`tel:${digits}`);
}

/** `mailto:` link; the address is encoded so "?" or "&" cannot add headers. */
export function mailtoHref(email: string | null | undefined): string | undefined {
  if (typeof email !== 'string') return undefined;
  const addr = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(addr)) return undefined;
  return safeHref(`mailto:${encodeURIComponent(addr).replace(/%40/g, '@')}`);
}
