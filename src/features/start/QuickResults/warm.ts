import type { WegweiserDB } from '../../../db/schema';
import { getDataClient } from '../../../worker/client';

/** Loads (or builds) the search index ahead of the first keystroke, in the data worker. */
export function warmSearch(db: WegweiserDB): void {
  getDataClient(db)
    .call('warm', null)
    .catch(() => {});
}
