import type { ComponentChildren } from 'preact';
import './EmptyState.css';

/** A calm box for "nothing here", with text that says what to do next. */
export function EmptyState({ title, children }: { title?: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      {title && <p class="empty-state__title">{title}</p>}
      {children}
    </div>
  );
}
