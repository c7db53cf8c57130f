import { screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { org, renderApp, service, teardown, testDeps } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

async function seed() {
  const svc = testDeps();
  await svc.db.organizations.put(org(1));
  await svc.db.services.bulkPut([
    service(100),
    service(101),
    service(102),
    service(103, { status: 'paused' }),
    service(104, { status: 'ended' }),
  ]);
  return svc;
}

/** The value next to a term in the Info page's data list. */
function fact(term: string): string | null | undefined {
  const data = screen.getByRole('region', { name: 'Datenstand' });
  const dt = within(data).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
}

describe('offer counts agree', () => {
  it('the Info page counts the offers the list shows, and says what else is stored', async () => {
    const svc = await seed();
    const list = renderApp('/angebote', svc);
    await screen.findByRole('heading', { level: 1, name: '3 Angebote' }, { timeout: 10_000 });
    list.unmount();

    renderApp('/info', svc);
    await screen.findByRole('heading', { level: 1, name: 'Info' });
    await within(screen.getByRole('region', { name: 'Datenstand' })).findByText('3');
    expect(fact('Angebote in der Liste')).toBe('3');
    expect(fact('Pausierte und beendete Angebote (nicht in der Liste)')).toBe('2');
  });
});
