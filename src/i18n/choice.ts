/** What a choice in the language picker changes. */
import { currentLanguage, setLanguage } from '.';
import type { UiLanguage } from './languages';
import { applyToDocument, STORED, VISIT, writeStored } from './startLanguage';

/** An explicit choice: remembered on the device, and it ends a link's language. */
export async function chooseLanguage(lang: UiLanguage): Promise<void> {
  writeStored(() => localStorage, STORED, lang);
  writeStored(() => sessionStorage, VISIT, null);
  if (lang === currentLanguage()) return;
  await setLanguage(lang);
  applyToDocument(lang);
}
