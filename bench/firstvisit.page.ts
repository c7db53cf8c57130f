/**
 * RECORD_FIRST_VISIT runs in the page before any of its scripts (addInitScript): records long tasks, layout
 * shifts and the moment the first quick-result link appears, on `window.__firstVisit`.
 */
export interface FirstVisitRecord {
  /** [startTime, duration] of every task over 50 ms. */
  tasks: [number, number][];
  /** [startTime, value] of every layout shift without recent input. */
  shifts: [number, number][];
  /** performance.now() when a quick-result link was first in the DOM. */
  firstResultAt: number | null;
}

/** Plain JavaScript source: a compiled function could carry helpers the page does not have. */
export const RECORD_FIRST_VISIT = `(() => {
  const record = { tasks: [], shifts: [], firstResultAt: null };
  window.__firstVisit = record;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) record.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  const watch = new MutationObserver(() => {
    if (document.querySelector('.quick-results__link')) {
      record.firstResultAt = performance.now();
      watch.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    watch.observe(document.body, { childList: true, subtree: true }));
})();`;

/** Total blocking time: the part of each long task beyond 50 ms. */
export function blockingTime(tasks: [number, number][]): number {
  return tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
}

/** Longest task; 0 when no task took over 50 ms (the browser reports only those). */
export function longestTask(tasks: [number, number][]): number {
  return tasks.reduce((max, [, d]) => Math.max(max, d), 0);
}

/**
 * Cumulative layout shift as browsers and Lighthouse define it: the largest session window
 * (shifts less than 1 s apart, a window at most 5 s long).
 */
export function cumulativeLayoutShift(shifts: [number, number][]): number {
  let best = 0;
  let sum = 0;
  let windowStart = Number.NEGATIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const [at, value] of [...shifts].sort((a, b) => a[0] - b[0])) {
    if (at - last > 1000 || at - windowStart > 5000) {
      sum = 0;
      windowStart = at;
    }
    sum += value;
    last = at;
    best = Math.max(best, sum);
  }
  return best;
}
