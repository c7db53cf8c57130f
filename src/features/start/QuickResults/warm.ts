import type { WegweiserDB } from '../../../db/schema';
import { getSearchService } from '../../../search/store';

/** Loads (or builds) the search index ahead of the first keystroke. */
export function warmSearch(db: WegweiserDB): void {
  getSearchService(db);
}
