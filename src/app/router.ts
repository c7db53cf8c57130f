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
  /** Coordinators' overview: coverage, stale offers, referrals, parallel structures, import, export. */
  | { name: 'dashboard' }
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
  if (path === '/koordination') return { name: 'dashboard' };
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

/**
 * What a history entry remembers about its page when it is left: the scroll position, the
 * link that was followed, and how many list items were shown (a list renders in
 * increments, so it must show as many again before the position can be restored).
 */
export interface Place {
  scrollY?: number;
  /** `href` of the focused link when the page was left. */
  focusHref?: string;
  shown?: number;
}

const PLACE_KEY = 'qwPlace';

function placeOf(state: unknown): Place | undefined {
  const place = (state as Record<string, unknown> | null)?.[PLACE_KEY];
  return place && typeof place === 'object' ? (place as Place) : undefined;
}

/** Adds to the current entry's place, keeping whatever else the entry holds. */
export function rememberPlace(patch: Place): void {
  const state = (window.history.state as Record<string, unknown> | null) ?? {};
  const place = { ...placeOf(state), ...patch };
  window.history.replaceState({ ...state, [PLACE_KEY]: place }, '');
}

/** The place of the entry Back/Forward just returned to; for one page, read once. */
let returned: { href: string; place: Place } | null = null;
const here = () => window.location.pathname + window.location.search;

/**
 * Called by a page that can restore its place, when it mounts: the place it had, if the
 * user came back to it with Back/Forward; null on a new visit.
 */
export function takeReturnedPlace(): Place | null {
  const r = returned;
  returned = null;
  return r && r.href === here() ? r.place : null;
}

/**
 * At most one guard (an editor form with unsaved changes). It gets the navigation as a
 * function and returns true when it holds it back, e.g. to ask first; it may call
 * `proceed` later, which then passes without asking again.
 */
export type NavigationGuard = (proceed: () => void) => boolean;
let guard: NavigationGuard | null = null;

export function setNavigationGuard(g: NavigationGuard | null): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/** Runs `go` now, or when the guard lets it pass. */
function guarded(go: () => void): void {
  const g = guard;
  if (!g) {
    go();
    return;
  }
  const proceed = () => {
    if (guard === g) guard = null;
    go();
  };
  if (!g(proceed)) proceed();
}

let popstateBound = false;
/** The URL of the page on screen: where to return when a guard holds a Back/Forward. */
let shownHref = '';
function bindPopstate(): void {
  if (popstateBound) return;
  popstateBound = true;
  shownHref = window.location.href;
  window.addEventListener('popstate', (event) => {
    if (guard) {
      // The browser has already moved; show the page being left again, then ask.
      // Discarding then goes where Back/Forward was heading (the entry before this one).
      window.history.pushState(null, '', shownHref);
      guarded(() => window.history.back());
      return;
    }
    shownHref = window.location.href;
    const place = placeOf(event.state);
    returned = place ? { href: here(), place } : null;
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
    guarded(() => window.location.assign(url.href));
    return;
  }
  const target = url.pathname + url.search + url.hash;
  const current = window.location.pathname + window.location.search + window.location.hash;
  if (target === current && !opts.replace) {
    // Clicking the link of the page you are on: still move focus, as a page load would.
    focusPending = !opts.keepFocus;
    notify();
    return;
  }
  // A replace stays on the page (a typed query, a saved new record): nothing to guard.
  if (opts.replace) go(target, opts);
  else guarded(() => go(target, opts));
}

function go(target: string, opts: NavigateOptions): void {
  returned = null;
  if (opts.replace) window.history.replaceState(null, '', target);
  else {
    const link = document.activeElement?.closest?.('a[href]');
    rememberPlace({
      scrollY: window.scrollY,
      focusHref: link?.getAttribute('href') ?? undefined,
    });
    window.history.pushState(null, '', target);
  }
  shownHref = window.location.href;
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
