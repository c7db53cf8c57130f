import type { MatchReason } from '../search/explain';
import type { FilterSet } from '../search/filters';
import type { Suggestion } from '../search/suggest';

/** What the data service (in the worker, or on the page as a fallback) answers. */

export interface PullRequest {
  /** Origin (and path prefix) of the sync server; '' for the app's own. */
  baseUrl: string;
  /** The session token; null pulls as a resident. */
  token: string | null;
  limit?: number;
}

export interface SearchRequest {
  query: string;
  filters: FilterSet;
}

export interface SearchAnswer {
  /** False while the index cannot answer yet (first load). */
  ready: boolean;
  /** Every match, best first. */
  ids: string[];
  /**
   * Index terms the matches matched (typo, prefix and compound forms of the query words),
   * one list for every row: its size follows the query, not the number of matches.
   */
  terms: string[];
  /** The query plan's folded strings worth highlighting; null without query words. */
  needles: string[] | null;
  /** The concepts the query named, for a result's "passt zu" line (src/search/explain.ts). */
  reasons: MatchReason[];
}

export interface DataApi {
  /** Pulls until the server has nothing more; resolves with the number of changes. */
  pull(req: PullRequest, signal: AbortSignal): Promise<number>;
  search(req: SearchRequest, signal: AbortSignal): Promise<SearchAnswer>;
  /** Ways out of an empty result (src/search/suggest.ts). */
  suggest(req: SearchRequest, signal: AbortSignal): Promise<Suggestion[]>;
  /** The languages the indexed offers are offered in; null before the index answers. */
  languages(arg: null, signal: AbortSignal): Promise<string[] | null>;
  /** Saves the index now if a save is due (the page going to the background). */
  flush(arg: null, signal: AbortSignal): Promise<void>;
  /** Starts loading (or building) the search index ahead of the first query. */
  warm(arg: null, signal: AbortSignal): Promise<void>;
}

export type IndexStatus = 'loading' | 'partial' | 'ready' | 'error';

export interface IndexState {
  status: IndexStatus;
  /** Counts every change of the index, so views ask again. */
  revision: number;
  indexed: number;
  total: number;
}

/** A pull that started from an empty device (first visit, or after the data was deleted). */
export interface LoadState {
  active: boolean;
  /** Records stored so far by this pull. */
  applied: number;
  /** What the server said is still to come after the last page; absent when it did not say. */
  remaining?: number;
}

export type DataEvent = { kind: 'index'; state: IndexState } | { kind: 'load'; state: LoadState };

export const INDEX_IDLE: IndexState = { status: 'loading', revision: 0, indexed: 0, total: 0 };
export const LOAD_IDLE: LoadState = { active: false, applied: 0 };
