import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedEntries } from '../../../src/db/savedOffers';
import { savedListText } from '../../../src/features/merkliste/shareList';
import { installOffer, listenForInstallOffer } from '../../../src/pwa/install';
import { org, renderApp, service, teardown, testDeps, uid } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(async () => {
  await teardown();
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(navigator, 'clipboard');
});

async function seedSaved() {
  const svc = testDeps();
  await svc.db.organizations.put(org(1));
  await svc.db.services.bulkPut([
    service(100, { name: 'Schuldnerberatung' }),
    service(101, { name: 'Seniorentreff' }),
  ]);
  await svc.db.meta.put({
    key: 'merkliste',
    value: [
      { id: uid(100), at: '2026-10-14T08:00:00Z' },
      { id: uid(101), at: '2026-10-13T08:00:00Z' },
    ],
  });
  return svc;
}

describe('savedListText', () => {
  it('puts each name over its public address', () => {
    expect(
      savedListText(
        [
          { id: 'a b', name: 'Eins' },
          { id: 'c', name: 'Zwei' },
        ],
        'https://wegweiser.example/',
      ),
    ).toBe(
      'Eins\nhttps://wegweiser.example/angebote/a%20b\n\nZwei\nhttps://wegweiser.example/angebote/c',
    );
  });
});

describe('Merkliste actions', () => {
  it('"Entfernen" removes one offer, says so, and moves focus to the next card', async () => {
    const svc = await seedSaved();
    renderApp('/merkliste', svc);
    const list = await screen.findByRole('list', { name: 'Merkliste' }, { timeout: 5000 });
    fireEvent.click(
      within(list).getByRole('button', { name: '„Schuldnerberatung“ aus der Merkliste entfernen' }),
    );
    await screen.findByText('„Schuldnerberatung“ wurde aus der Merkliste entfernt.');
    await waitFor(() => expect(within(list).queryByText('Schuldnerberatung')).toBeNull());
    expect((await savedEntries(svc.db)).map((e) => e.id)).toEqual([uid(101)]);
    const next = within(list).getByRole('button', { name: /„Seniorentreff“/ });
    await waitFor(() => expect(document.activeElement).toBe(next));
  });

  it('"Merkliste teilen" uses the share sheet where there is one', async () => {
    const share = vi.fn(async (_: ShareData) => {});
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    renderApp('/merkliste', await seedSaved());
    fireEvent.click(await screen.findByRole('button', { name: 'Merkliste teilen' }));
    await screen.findByText('Merkliste geteilt.');
    const text = share.mock.calls[0]?.[0].text ?? '';
    expect(text).toContain(`Schuldnerberatung\n${window.location.origin}/angebote/${uid(100)}`);
    expect(text).toContain(`Seniorentreff\n${window.location.origin}/angebote/${uid(101)}`);
  });

  it('copies the links without a share sheet, and shows them when copying fails', async () => {
    const writeText = vi.fn(async (_: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/merkliste', await seedSaved());
    fireEvent.click(await screen.findByRole('button', { name: 'Merkliste teilen' }));
    await screen.findByText('Links der Merkliste kopiert.');
    expect(writeText.mock.calls[0]?.[0]).toContain(`/angebote/${uid(101)}`);

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    fireEvent.click(screen.getByRole('button', { name: 'Merkliste teilen' }));
    await screen.findByText(/Teilen hat nicht geklappt/);
    const box = screen.getByRole('textbox', { name: 'Merkliste teilen' }) as HTMLTextAreaElement;
    expect(box.value).toContain(`/angebote/${uid(100)}`);
  });
});

describe('install button', () => {
  it('appears on the Info page when the browser offers installation, and goes again', async () => {
    listenForInstallOffer(window);
    renderApp('/info', testDeps());
    await screen.findByRole('heading', { level: 1, name: 'Info' });
    expect(screen.queryByRole('button', { name: 'App installieren' })).toBeNull();

    const prompt = vi.fn(async () => {});
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => {
      window.dispatchEvent(offer);
    });
    expect(offer.defaultPrevented).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'App installieren' }));
    expect(prompt).toHaveBeenCalledOnce();
    // An offer is used once; the button goes with it.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'App installieren' })).toBeNull(),
    );

    act(() => {
      window.dispatchEvent(
        Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt,
          userChoice: Promise.resolve({ outcome: 'dismissed' as const }),
        }),
      );
    });
    await screen.findByRole('button', { name: 'App installieren' });
    act(() => {
      window.dispatchEvent(new Event('appinstalled'));
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'App installieren' })).toBeNull(),
    );
    expect(installOffer.get()).toBeNull();
  });
});
