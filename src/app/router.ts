import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny history-API router. No library: five routes do not justify the bytes, and
 * owning it lets us move focus and titles the way screen-reader users need.
 */

export type Route =
  | { name: 'start' }
  | { name: 'list' }
  | { name: 'detail'; id: string }
  | { name: 'schedules' }
  | { name: 'info' }
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
  if (path === '/info') return { name: 'info' };
  const detail = /^\/angebote\/([^/]+)$/.exec(path);
  if (detail?.[1]) {
    try {
      return { name: 'detail', id: decodeURIComponent(detail[1]) };
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

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(href, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  const here = window.location.pathname + window.location.search + window.location.hash;
  if (target === here && !opts.replace) {
    // Clicking the link of the page you are on: still move focus, as a page load would.
    focusPending = true;
    notify();
    return;
  }
  if (opts.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  focusPending = true;
  if (!opts.replace) window.scrollTo?.(0, 0);
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
