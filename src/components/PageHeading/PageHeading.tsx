import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { takeFocusRequest } from '../../app/router';
import { t } from '../../i18n';
import './PageHeading.css';

interface Props {
  /** Short page name for document.title. */
  title: string;
  children?: ComponentChildren;
}

export function documentTitle(title: string): string {
  const app = t('app.titleSuffix');
  return title && title !== app ? `${title} – ${app}` : app;
}

/**
 * The page's one <h1>. Render it only once the page content is ready: after an in-app
 * navigation it takes focus, so a screen reader announces the new page and keyboard
 * users continue from the top of the content instead of from a link that is gone.
 */
export function PageHeading({ title, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
  // Runs after every render: a new search on the same page is a navigation, too.
  useLayoutEffect(() => {
    if (takeFocusRequest()) ref.current?.focus({ preventScroll: false });
  });
  return (
    <h1 class="page-heading" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}
