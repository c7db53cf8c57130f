import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';

/**
 * Which records changed, per table, after each committed write transaction — whoever wrote
 * (pull sync, an edit, demo seeding) and in whichever tab. Dexie's own `storagemutated`
 * event is not enough: for a bulk write of 50+ rows (every sync page) it reports "the whole
 * table". Derived data kept outside IndexedDB (the search index) updates itself from this.
 */
/** The tables the search index is built from, and the district's own search words. */
export const CHANGE_FEED_TABLES = [
  'services',
  'organizations',
  'locations',
  'contacts',
  'local_terms',
] as const;

export type ChangedKeys = Map<string, Set<string> | 'all'>;
export type ChangeListener = (changes: ChangedKeys) => void;

interface Feed {
  listeners: Set<ChangeListener>;
  /** Changes nobody has listened to yet; handed to the first listener. */
  backlog: ChangedKeys | null;
  channel: BroadcastChannel | null;
}

const feeds = new Map<string, Feed>();
const CHANNEL = 'qw-change-feed';

type WireChanges = [string, string[] | 'all'][];

function feedFor(dbName: string): Feed {
  let feed = feeds.get(dbName);
  if (!feed) {
    feed = { listeners: new Set(), backlog: new Map(), channel: null };
    feeds.set(dbName, feed);
  }
  return feed;
}

export function mergeChanges(into: ChangedKeys, from: ChangedKeys): ChangedKeys {
  for (const [table, keys] of from) {
    const have = into.get(table);
    if (have === 'all' || keys === 'all') into.set(table, 'all');
    else if (have) for (const k of keys) have.add(k);
    else into.set(table, new Set(keys));
  }
  return into;
}

function deliver(feed: Feed, changes: ChangedKeys): void {
  if (feed.listeners.size === 0) {
    feed.backlog = mergeChanges(feed.backlog ?? new Map(), changes);
    return;
  }
  for (const fn of [...feed.listeners]) fn(changes);
}

function openChannel(dbName: string, feed: Feed): void {
  if (feed.channel || typeof BroadcastChannel === 'undefined') return;
  try {
    const channel = new BroadcastChannel(CHANNEL);
    // Node (tests) would otherwise keep the process alive for the channel.
    (channel as unknown as { unref?: () => void }).unref?.();
    channel.onmessage = (ev: MessageEvent) => {
      const data = ev.data as { db?: string; changes?: WireChanges } | null;
      if (!data || data.db !== dbName || !Array.isArray(data.changes)) return;
      deliver(
        feed,
        new Map(data.changes.map(([t, keys]) => [t, keys === 'all' ? 'all' : new Set(keys)])),
      );
    };
    feed.channel = channel;
  } catch {
    // No cross-tab updates; this tab still sees its own writes.
  }
}

/**
 * Follows committed changes of a database (by name). The first listener also receives what
 * changed before anybody listened, so a lazily loaded module misses nothing.
 */
export function subscribeChanges(dbName: string, listener: ChangeListener): () => void {
  const feed = feedFor(dbName);
  openChannel(dbName, feed);
  feed.listeners.add(listener);
  const backlog = feed.backlog;
  feed.backlog = null;
  if (backlog && backlog.size > 0) listener(backlog);
  return () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size === 0) feed.backlog = new Map();
  };
}

function keysOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): string[] | 'all' {
  switch (req.type) {
    case 'add':
    case 'put':
      return (res.results ?? req.keys ?? []).map(String);
    case 'delete':
      return req.keys.map(String);
    default:
      // deleteRange (clear): too broad to list.
      return 'all';
  }
}

/**
 * DBCore middleware: collects the keys of every mutation of the watched tables per
 * transaction and publishes them once the transaction has committed (an aborted one
 * publishes nothing).
 */
export function changeFeedMiddleware(tables: readonly string[]): Middleware<DBCore> {
  const watched = new Set(tables);
  return {
    stack: 'dbcore',
    name: 'qw-change-feed',
    create: (down) => {
      const dbName = down.schema.name;
      const pending = new WeakMap<object, ChangedKeys>();
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          if (!watched.has(tableName)) return table;
          return {
            ...table,
            async mutate(req) {
              const res = await table.mutate(req);
              const trans = req.trans as unknown as EventTarget;
              let changes = pending.get(trans);
              if (!changes) {
                const mine: ChangedKeys = new Map();
                changes = mine;
                pending.set(trans, mine);
                trans.addEventListener?.('complete', () => {
                  const feed = feedFor(dbName);
                  // Other tabs must hear about it even if nobody in this tab listens.
                  openChannel(dbName, feed);
                  deliver(feed, mine);
                  feed.channel?.postMessage({
                    db: dbName,
                    changes: [...mine].map(([t, k]) => [t, k === 'all' ? 'all' : [...k]]),
                  });
                });
              }
              const keys = keysOf(req, res);
              mergeChanges(changes, new Map([[tableName, keys === 'all' ? 'all' : new Set(keys)]]));
              return res;
            },
          };
        },
      };
    },
  };
}
