/**
 * A value made on first use. Intl formatters and collators load locale data when they are
 * constructed (tens of milliseconds on a slow phone): made at module level, they would all
 * be paid for while the start page boots, whether or not anything is formatted.
 */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
