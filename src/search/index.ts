/**
 * The search, loaded on demand (dynamic import): MiniSearch and the index never weigh on
 * the start page's first load.
 */
export type { DocMeta, SearchDoc } from './documents';
export { type Hit, SearchEngine, type SearchResults } from './engine';
export { excerpt, type HighlightTerms, hasMark, highlight, type Segment } from './highlight';
export {
  getSearchIndex,
  type SearchIndex,
  type SearchStatus,
} from './store';
