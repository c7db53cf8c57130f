import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny history-API router. No library: five routes do not justify the bytes, and
 * owning it lets us move focus and titles the way screen-reader users need.
 */

export type Route =
  | { name: 'start' }
  | { name: 'list' }
  | { name: 'detail'; id: string }
  | { name: 'share'; id: string }
  | { name: 'saved' }
  | { name: 'schedules' }
  /** Deep links for door notices (QR): one offer's or one place's hours. */
  | { name: 'offerHours'; id: string }
  | { name: 'placeHours'; id: string }
  | { name: 'info' }
  | { name: 'login' }
  | { name: 'conflicts' }
  /** Coordinators' editor; `path` is the rest below /bearbeiten (routed inside its chunk). */
  | { name: 'editor'; path: string[] }
  | { name: 'notFound' };

export type RouteName = Route['name'];

export interface AppLocation {
  pathname: string;
  search: string;
}

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'start' };
  if (path === '/angebote') return { name: 'list' };
  if (path === '/sprechstunden') return { name: 'schedules' };
  const hours = /^\/sprechstunden\/(angebot|ort)\/([^/]+)$/.exec(path);
  if (hours?.[2]) {
    try {
      const id = decodeURIComponent(hours[2]);
      return hours[1] === 'ort' ? { name: 'placeHours', id } : { name: 'offerHours', id };
    } catch {
      return { name: 'notFound' };
    }
  }
  if (path === '/info') return { name: 'info' };
  if (path === '/anmelden') return { name: 'login' };
  if (path === '/konflikte') return { name: 'conflicts' };
  if (path === '/bearbeiten' || path.startsWith('/bearbeiten/')) {
    try {
      const rest = path.slice('/bearbeiten'.length).split('/').filter(Boolean);
      return { name: 'editor', path: rest.map(decodeURIComponent) };
    } catch {
      return { name: 'notFound' };
    }
  }
  if (path === '/merkliste') return { name: 'saved' };
  const detail = /^\/angebote\/([^/]+)(\/weitergeben)?$/.exec(path);
  if (detail?.[1]) {
    try {
      const id = decodeURIComponent(detail[1]);
      return detail[2] ? { name: 'share', id } : { name: 'detail', id };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

type Listener = (loc: AppLocation) => void;
const listeners = new Set<Listener>();

/**
 * Set by every in-app navigation and consumed by the page heading, so focus moves to
 * the new <h1> after a click or back/forward, but not on the first load (a screen
 * reader starts reading at the top by itself then).
 */
let focusPending = false;

export function currentLocation(): AppLocation {
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  const loc = currentLocation();
  for (const l of listeners) l(loc);
}

let popstateBound = false;
function bindPopstate(): void {
  if (popstateBound) return;
  popstateBound = true;
  window.addEventListener('popstate', () => {
    focusPending = true;
    notify();
  });
}

export function subscribeLocation(l: Listener): () => void {
  bindPopstate();
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /**
   * The user keeps working where they are (typing a query, ticking a filter): no focus
   * move to the heading, no scrolling.
   */
  keepFocus?: boolean;
}

export function navigate(href: string, opts: NavigateOptions = {}): void {
  const url = new URL(href, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  const here = window.location.pathname + window.location.search + window.location.hash;
  if (target === here && !opts.replace) {
    // Clicking the link of the page you are on: still move focus, as a page load would.
    focusPending = !opts.keepFocus;
    notify();
    return;
  }
  if (opts.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  focusPending = !opts.keepFocus;
  if (!opts.replace && !opts.keepFocus) window.scrollTo?.(0, 0);
  notify();
}

/** True once after an in-app navigation; the page heading calls it to decide on focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/**
 * Decides whether a click on an <a> may be handled client-side. Anything a user means
 * as "open elsewhere" (modifier keys, middle click, target, download) stays native.
 */
export function shouldIntercept(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) {
    return false;
  }
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  let url: URL;
  try {
    url = new URL(anchor.href, window.location.href);
  } catch {
    return false;
  }
  if (url.origin !== window.location.origin) return false;
  // The API and static files are not app routes.
  if (url.pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(url.pathname)) return false;
  return true;
}

/** One delegated listener turns every same-origin <a href> into a client-side navigation. */
export function interceptLinks(root: Document | HTMLElement = document): () => void {
  const onClick = (event: Event) => {
    const e = event as MouseEvent;
    const anchor = (e.target as Element | null)?.closest?.('a');
    if (!anchor || !shouldIntercept(e, anchor)) return;
    e.preventDefault();
    navigate(anchor.href);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

export function useLocation(): AppLocation {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const unsubscribe = subscribeLocation(setLoc);
    // A navigation between first render and subscription must not be missed.
    setLoc((prev) => {
      const now = currentLocation();
      return now.pathname === prev.pathname && now.search === prev.search ? prev : now;
    });
    return unsubscribe;
  }, []);
  return loc;
}
