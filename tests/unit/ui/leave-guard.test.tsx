import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { navigate, setNavigationGuard } from '../../../src/app/router';
import { signedIn, svcId } from './editor.fixtures';
import { renderApp, service, teardown } from './helpers';

beforeEach(() => {
  window.scrollTo = () => {};
});
afterEach(teardown);

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const nav = () => screen.getByRole('navigation', { name: 'Hauptnavigation' });

describe('navigation guard (router)', () => {
  it('holds a navigation until the guard lets it pass, then does not ask again', () => {
    window.history.replaceState(null, '', '/bearbeiten');
    let held: (() => void) | null = null;
    const release = setNavigationGuard((proceed) => {
      held = proceed;
      return true;
    });
    navigate('/angebote');
    expect(window.location.pathname).toBe('/bearbeiten');
    expect(held).not.toBeNull();
    (held as unknown as () => void)();
    expect(window.location.pathname).toBe('/angebote');
    // proceed released the guard: the next navigation passes at once.
    navigate('/info');
    expect(window.location.pathname).toBe('/info');
    release();
  });

  it('a guard that returns false lets the navigation through; a released guard is gone', () => {
    window.history.replaceState(null, '', '/');
    const release = setNavigationGuard(() => false);
    navigate('/angebote');
    expect(window.location.pathname).toBe('/angebote');
    const release2 = setNavigationGuard(() => true);
    release2();
    navigate('/info');
    expect(window.location.pathname).toBe('/info');
    release();
  });
});

async function seeded() {
  const ctx = await signedIn();
  await ctx.db.services.put(service(100, { name: 'Jobcenter vor Ort' }));
  return ctx;
}

describe('leaving the editor with unsaved changes', () => {
  it('asks "Änderungen verwerfen?"; keep stays with the typed text, discard leaves', async () => {
    const { svc } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    const name = await screen.findByLabelText(/Name des Angebots/, undefined, { timeout: 5000 });
    input(name, 'Jobcenter vor Ort – neu');

    fireEvent.click(within(nav()).getByRole('link', { name: 'Angebote' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Änderungen verwerfen?' });
    expect(window.location.pathname).toBe(`/bearbeiten/angebote/${svcId}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Weiter bearbeiten' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((screen.getByLabelText(/Name des Angebots/) as HTMLInputElement).value).toBe(
      'Jobcenter vor Ort – neu',
    );

    fireEvent.click(within(nav()).getByRole('link', { name: 'Angebote' }));
    const again = await screen.findByRole('alertdialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Verwerfen' }));
    await waitFor(() => expect(window.location.pathname).toBe('/angebote'));
  });

  it('leaves without asking when nothing changed, or after saving', async () => {
    const { svc } = await seeded();
    renderApp(`/bearbeiten/angebote/${svcId}`, svc);
    const name = await screen.findByLabelText(/Name des Angebots/, undefined, { timeout: 5000 });
    // Typed and typed back: unchanged.
    input(name, 'Jobcenter');
    input(name, 'Jobcenter vor Ort');
    fireEvent.click(within(nav()).getByRole('link', { name: 'Info' }));
    await waitFor(() => expect(window.location.pathname).toBe('/info'));

    act(() => navigate(`/bearbeiten/angebote/${svcId}`));
    input(
      await screen.findByLabelText(/Name des Angebots/, undefined, { timeout: 5000 }),
      'Jobcenter vor Ort – neu',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Gespeichert. Wartet auf Übertragung.');
    fireEvent.click(within(nav()).getByRole('link', { name: 'Info' }));
    await waitFor(() => expect(window.location.pathname).toBe('/info'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Back asks too and stays on the form; closing the tab gets the browser warning', async () => {
    const { svc } = await seeded();
    window.history.replaceState(null, '', '/');
    renderApp('/', svc);
    act(() => navigate(`/bearbeiten/angebote/${svcId}`));
    input(
      await screen.findByLabelText(/Name des Angebots/, undefined, { timeout: 5000 }),
      'Jobcenter vor Ort – neu',
    );

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    window.history.back();
    const dialog = await screen.findByRole('alertdialog', { name: 'Änderungen verwerfen?' });
    expect(window.location.pathname).toBe(`/bearbeiten/angebote/${svcId}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwerfen' }));
    await screen.findByRole('heading', { level: 1, name: 'Welches Angebot passt?' });
    expect(window.location.pathname).toBe('/');

    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe('"Bearbeiten" in the navigation', () => {
  it('is there for coordinators only', async () => {
    const coord = await signedIn('coordinator');
    renderApp('/', coord.svc);
    expect(
      within(nav())
        .getByRole('link', { name: /^Bear\u00adbeiten$/ })
        .getAttribute('href'),
    ).toBe('/bearbeiten');
    expect(within(nav()).getByRole('link', { name: /^Merk\u00adliste$/ })).toBeTruthy();
    await teardown();

    const worker = await signedIn('worker', 'wo@example.org');
    renderApp('/', worker.svc);
    expect(within(nav()).getByRole('link', { name: /^Merk\u00adliste$/ })).toBeTruthy();
    expect(within(nav()).queryByRole('link', { name: /^Bear\u00adbeiten$/ })).toBeNull();
  });
});
