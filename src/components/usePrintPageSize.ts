import { useEffect } from 'preact/hooks';

/**
 * A paper size (`@page`) while a screen is open, removed again when leaving it: an
 * `@page` rule in a stylesheet would stay for every screen once its chunk has loaded.
 */
export function usePrintPageSize(css: string): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
    return () => style.remove();
  }, [css]);
}
