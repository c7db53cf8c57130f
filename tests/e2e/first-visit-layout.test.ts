/**
 * A resident's first visit on a slow phone (CPU 4× slower, as Lighthouse's mobile profile),
 * in real Chromium against the real server with the demo city: nothing on the start page
 * moves while the app loads and the first sync fills the database (CLS < 0.01), and the
 * page never says there are no offers while that sync is still running.
 */
import { describe, expect, it } from 'vitest';
import { waitForFirstSync } from '../../bench/firstvisit.bench';
import { cumulativeLayoutShift, RECORD_FIRST_VISIT } from '../../bench/firstvisit.page';
import { demoDataset } from '../../src/demo';
import de from '../../src/i18n/de.json';
import { formatMessage } from '../../src/i18n/format';
import { hasChromium, newPhoneContext } from './support/browser';
import { useServerAndBrowser } from './support/suite';

/** Every moment the page says "no offers" while its sync line says the first load runs. */
const WATCH_EMPTY_CLAIMS = `(() => {
  window.__emptyClaims = [];
  const loading = ${JSON.stringify(de.sync.firstLoad.replace(/ …$/, ''))};
  const claims = [${JSON.stringify(formatMessage(de.count.offers, { n: 0 }, 'de-DE'))}, ${JSON.stringify(de.start.noData)}, ${JSON.stringify(de.start.empty)}];
  const check = () => {
    const line = document.querySelector('.sync-status__text');
    if (!line || !line.textContent?.startsWith(loading)) return;
    const text = document.querySelector('main')?.textContent ?? '';
    for (const c of claims) if (text.includes(c)) window.__emptyClaims.push(c);
  };
  document.addEventListener('DOMContentLoaded', () =>
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true }));
})();`;

describe.skipIf(!hasChromium)('first visit', () => {
  const suite = useServerAndBrowser(demoDataset);

  it('does not shift the layout and shows no empty state before the first sync is done', async () => {
    const context = await newPhoneContext(suite.browser);
    try {
      await context.addInitScript(RECORD_FIRST_VISIT);
      await context.addInitScript(WATCH_EMPTY_CLAIMS);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${suite.server.url}/`);
      await waitForFirstSync(page);
      // The tiles show their counts once the data is complete.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.tg-tiles__count')].every((n) =>
          /\d|Keine/.test(n.textContent ?? ''),
        ),
      );
      await page.waitForTimeout(1000);
      const { shifts, claims } = await page.evaluate(() => ({
        shifts: (window as unknown as { __firstVisit: { shifts: [number, number][] } }).__firstVisit
          .shifts,
        claims: (window as unknown as { __emptyClaims: string[] }).__emptyClaims,
      }));
      expect(cumulativeLayoutShift(shifts)).toBeLessThan(0.01);
      expect(claims).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
