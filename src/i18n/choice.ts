/**
 * The UI language on this device: where it comes from at start, and what a choice in the
 * picker changes. Browser-only (location, storage, the document element).
 */
import { currentLanguage, setLanguage } from '.';
import { languageInfo, resolveLanguage, type UiLanguage } from './languages';

const STORED = 'qw.language';
/** A link's `?lang=` holds for the visit it opened, not for the person who owns the phone. */
const VISIT = 'qw.language.visit';

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy): the browser's languages decide
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not remembered on this device; the choice still holds until the tab closes.
  }
}

export function initialLanguage(): UiLanguage {
  const param = new URLSearchParams(window.location.search).get('lang');
  if (param) write(() => sessionStorage, VISIT, param);
  return resolveLanguage({
    param: param ?? read(() => sessionStorage, VISIT),
    stored: read(() => localStorage, STORED),
    browser: navigator.languages ?? [navigator.language],
  });
}

/** `lang` and `dir` on <html>: screen readers pick their voice, CSS its direction. */
export function applyToDocument(lang: UiLanguage): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = languageInfo(lang).dir;
}

/** An explicit choice in the picker: remembered on the device, and it ends a link's language. */
export async function chooseLanguage(lang: UiLanguage): Promise<void> {
  write(() => localStorage, STORED, lang);
  try {
    sessionStorage.removeItem(VISIT);
  } catch {
    // nothing stored, nothing to end
  }
  if (lang === currentLanguage()) return;
  await setLanguage(lang);
  applyToDocument(lang);
}
