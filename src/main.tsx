import { afterPaint, nextTask } from './app/tasks';
import { applyToDocument, initialLanguage } from './i18n/startLanguage';
import './styles/global.css';

/*
 * The entry is kept small: index.html already shows the first screen, and the app's code
 * is evaluated after that has painted, in steps, so the page never freezes on a slow phone.
 * The database library is evaluated on its own, before the app that imports it.
 */
const root = document.getElementById('app');
if (root) {
  // Direction first, before the app's code: the static first screen is laid out once, not
  // flipped after it has painted. (Its catalogue comes with the app: a preload here would
  // make every language a dynamic import of the entry, which index.html preloads.)
  const language = initialLanguage();
  applyToDocument(language);
  void afterPaint().then(async () => {
    // Both are fetched at once; the smaller one is evaluated as soon as it is here.
    const app = import('./app/boot');
    await import('./db/db');
    await nextTask();
    const { boot } = await app;
    await boot(root, language);
  });
}
