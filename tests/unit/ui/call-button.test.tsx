import { screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contact, org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

async function open(over: { phone?: string | null; contacts?: Parameters<typeof contact>[1][] }) {
  const svc = testDeps();
  await svc.db.organizations.put(org(1, { name: 'Diakonie', phone: '0202 97440' }));
  await svc.db.services.put(service(100, { name: 'Seniorentreff', phone: over.phone ?? null }));
  await svc.db.contacts.bulkPut(
    (over.contacts ?? []).map((c, i) => contact(300 + i, { service_id: uid(100), ...c })),
  );
  renderApp(`/angebote/${uid(100)}`, svc);
  await screen.findByRole('heading', { level: 1, name: 'Seniorentreff' }, { timeout: 10_000 });
  const header = document.querySelector('.service-detail__head') as HTMLElement;
  return within(header).queryByRole('link', { name: /^Anrufen/ });
}

describe('call button at the top of the offer', () => {
  it('an offer without own phone or contact person calls the provider', async () => {
    const call = await open({});
    expect(call?.getAttribute('href')).toBe('tel:020297440');
    expect(call?.textContent).toBe('Anrufen 0202 97440');
  });

  it("prefers the offer's phone, then the first public contact's", async () => {
    expect((await open({ phone: '0202 111' }))?.getAttribute('href')).toBe('tel:0202111');
    await teardown();
    const call = await open({
      contacts: [
        { name: 'Direktdurchwahl', phone: '0202 999', visibility: 'internal' },
        { name: 'Frau Yilmaz', phone: '0202 222' },
      ],
    });
    expect(call?.getAttribute('href')).toBe('tel:0202222');
  });
});
