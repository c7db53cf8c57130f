import { type ComponentChildren, render } from 'preact';
import { onLanguageChange } from '../i18n';
import { App } from './App';
import type { AppDeps } from './deps';
import { StagedRender } from './staged';

/**
 * Renders the app into `root`, and again from the root whenever the UI language changes:
 * a new tree makes every component render in the new language, and being the same
 * components in the same places, they keep their state (a half-typed form). Returns the
 * unsubscribe.
 */
export function mountApp(
  root: HTMLElement,
  deps: AppDeps,
  updatePrompt?: () => ComponentChildren,
): () => void {
  const draw = () =>
    render(
      <StagedRender.Provider value={true}>
        <App deps={deps} updatePrompt={updatePrompt?.()} />
      </StagedRender.Provider>,
      root,
    );
  draw();
  return onLanguageChange(draw);
}
