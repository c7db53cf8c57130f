import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { appShellHtml } from '../../../src/app/shellHtml';
import { t } from '../../../src/i18n';
import { renderApp, teardown } from './helpers';

afterEach(teardown);

function shell(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = appShellHtml(t);
  return root;
}

/** Tag and classes from `el` up to the root: where an element sits in the layout. */
function path(el: Element, root: Element): string {
  const parts: string[] = [];
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    parts.unshift(`${n.tagName.toLowerCase()}.${[...n.classList].sort().join('.')}`);
  }
  return parts.join(' > ');
}

describe('static first screen in index.html', () => {
  it('is the same markup, at the same place, as the rendered start page', async () => {
    const { container } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: t('start.heading') });
    const html = shell();
    for (const selector of ['.skip-link', '.app-header__brand', 'h1', '.start-page__intro']) {
      const mine = html.querySelector(selector);
      const app = container.querySelector(selector);
      expect(mine, selector).not.toBeNull();
      expect(app, selector).not.toBeNull();
      if (!mine || !app) continue;
      expect(mine.outerHTML, selector).toBe(app.outerHTML);
      expect(path(mine, html), selector).toBe(path(app, container));
    }
    // The status row is reserved empty; the app fills it.
    expect(html.querySelector('.app-header__row')?.childElementCount).toBe(0);
    expect(container.querySelector('.app-header__row .sync-status')).not.toBeNull();
  });
});
