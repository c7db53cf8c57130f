/*
 * The first screen as static HTML, written into index.html at build time (vite.config.ts),
 * so the header and the start page's heading paint before any script has run. Preact's
 * first render reuses these nodes. No imports: vite.config.ts loads this file and passes the
 * messages in. It must lay out exactly like the rendered App, or the
 * page jumps when the script arrives: tests/unit/ui/app-shell.test.tsx compares the two.
 */

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The brand mark of the header, shared with App.tsx. */
export const LOGO_PATHS = [
  { d: 'M11 2h2v20h-2z' },
  { d: 'M4 4.5h13l3 3-3 3H4z' },
  { d: 'M20 12.5H7l-3 3 3 3h13z', opacity: '0.8' },
] as const;

function logo(): string {
  const paths = LOGO_PATHS.map(
    (p) =>
      `<path fill="currentColor"${'opacity' in p ? ` opacity="${p.opacity}"` : ''} d="${p.d}"></path>`,
  ).join('');
  return `<svg class="app-header__logo" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">${paths}</svg>`;
}

/**
 * Header with the brand and the (reserved, still empty) status row, the navigation's place,
 * and the start page's heading and intro. On other routes the first render replaces it.
 */
/** `t` looks up a key of src/i18n/de.json. */
export function appShellHtml(t: (key: string) => string): string {
  return [
    `<a class="skip-link" href="#main">${esc(t('app.skipLink'))}</a>`,
    '<header class="app-header"><div class="app-header__inner">',
    `<div class="app-header__top"><a class="app-header__brand" href="/">${logo()}<span dir="ltr">${esc(t('app.name'))}</span></a></div>`,
    '<div class="app-header__row"></div>',
    '</div></header>',
    '<div class="app-shell__nav"></div>',
    '<main id="main" class="app-main" tabindex="-1"><div class="page start-page"><div>',
    `<h1 class="page-heading" tabindex="-1">${esc(t('start.heading'))}</h1>`,
    `<p class="start-page__intro muted">${esc(t('start.intro'))}</p>`,
    '</div></div></main>',
  ].join('');
}
