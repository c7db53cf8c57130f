import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => {
    if (!dirty) return;
    const release = setNavigationGuard((go) => {
      setProceed(() => go);
      return true;
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
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
      setProceed(null);
      proceed?.();
    },
  };
}
