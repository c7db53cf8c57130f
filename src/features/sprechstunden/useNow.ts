import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../app/deps';

/**
 * The current time from the app's clock, refreshed every `everyMs` so that "jetzt offen"
 * and "noch 40 Min." stay true while the page is open.
 */
export function useNow(everyMs = 30_000): Date {
  const { now } = useAppDeps();
  const [value, setValue] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(id);
  }, [now, everyMs]);
  return value;
}
