/**
 * The language a visit starts in, and `lang`/`dir` on <html>. Kept apart from the
 * catalogues so the entry (src/main.tsx) can set the direction before the app's code
 * arrives: an Arabic visitor's page does not flip from left-to-right after it has painted.
 */
import { languageInfo, resolveLanguage, type UiLanguage } from './languages';

export const STORED = 'qw.language';
/** A link's `?lang=` holds for the visit it opened, not for the person who owns the phone. */
export const VISIT = 'qw.language.visit';

export function readStored(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy): the browser's languages decide
  }
}

export function writeStored(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Not remembered on this device; the choice still holds until the tab closes.
  }
}

export function initialLanguage(): UiLanguage {
  const param = new URLSearchParams(window.location.search).get('lang');
  if (param) writeStored(() => sessionStorage, VISIT, param);
  return resolveLanguage({
    param: param ?? readStored(() => sessionStorage, VISIT),
    stored: readStored(() => localStorage, STORED),
    browser: navigator.languages ?? [navigator.language],
  });
}

/** `lang` and `dir` on <html>: screen readers pick their voice, CSS its direction. */
export function applyToDocument(lang: UiLanguage): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = languageInfo(lang).dir;
}
