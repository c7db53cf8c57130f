import type { ComponentChildren } from 'preact';

/**
 * A wide table's own horizontal scroller at 320 px. It takes focus, so that keyboard users can
 * scroll it too (a table of figures has nothing else to focus), and carries the table's name.
 */
export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section class="dashboard__scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
