import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { nextTask } from './tasks';

/**
 * On in the app as the browser boots it (src/app/boot.tsx): the first screen renders in two
 * tasks, the part the static first screen already shows and the rest, so that neither the
 * render nor the layout after it blocks a slow phone for long. Off (the default) in tests,
 * which render everything at once.
 */
export const StagedRender = createContext(false);

let firstDone = false;

/**
 * Whether the later part of the first screen may render: false only during the app's very
 * first render. Put below everything else, so that nothing moves when it appears.
 */
export function useLaterPart(): boolean {
  const staged = useContext(StagedRender);
  const [ready, setReady] = useState(!staged || firstDone);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void nextTask().then(() => {
      firstDone = true;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
