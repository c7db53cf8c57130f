import { useEffect, useRef, useState } from 'preact/hooks';
import { setNavigationGuard } from '../../app/router';

export interface LeaveGuard {
  /** A navigation waits for the answer to "Änderungen verwerfen?". */
  asking: boolean;
  keep(): void;
  discard(): void;
}

/**
 * While a form has unsaved changes, leaving it in the app (links, the navigation, Back)
 * first asks, and closing or reloading the tab gets the browser's own warning.
 */
export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  // Once discarded, leaving the site (an external link) must not ask a second time.
  const discarded = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    discarded.current = false;
    const release = setNavigationGuard((go) => {
      setProceed(() => go);
      return true;
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (discarded.current) return;
      e.preventDefault();
      // Older browsers show the warning only with a returnValue.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
  return {
    asking: proceed !== null,
    keep: () => setProceed(null),
    discard: () => {
      discarded.current = true;
      setProceed(null);
      proceed?.();
    },
  };
}
