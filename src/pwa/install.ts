import { createStore } from '../db/store';

/** Chromium's `beforeinstallprompt` event (not in the DOM typings). */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The browser's offer to install the app, while it stands; null where there is none. */
export const installOffer = createStore<InstallPromptEvent | null>(null);

/**
 * Listens from the start: the browser offers once, early, long before the Info page with
 * its button is opened. Keeping the event (preventDefault) replaces the browser's own bar.
 */
export function listenForInstallOffer(target: Window = window): void {
  target.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    installOffer.set(e as InstallPromptEvent);
  });
  target.addEventListener('appinstalled', () => installOffer.set(null));
}

/** Shows the browser's install dialog. An offer can be used only once, whatever the answer. */
export async function installApp(): Promise<void> {
  const offer = installOffer.get();
  if (!offer) return;
  installOffer.set(null);
  await offer.prompt();
}
