import type coordination from './de.coordination.json';
import de from './de.json';

type Messages = typeof de & typeof coordination;
/** Dotted paths into the message file, so a typo in a key is a type error. */
type Path<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Path<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Path<Messages>;

const messages: Record<string, unknown> = { ...de };

/**
 * Screens that only some users open (editing, conflicts) bring their messages with their
 * own chunk, so the start page does not carry them; their entry module adds them here
 * before anything renders.
 */
export function addMessages(part: Record<string, unknown>): void {
  Object.assign(messages, part);
}

function lookup(tree: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Translate with `{name}` placeholders. Falls back to the key itself, so a missing
 * message never shows an empty button.
 */
export function t(
  key: MessageKey | (string & {}),
  params?: Record<string, string | number>,
): string {
  const raw = lookup(messages, key) ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Label of a taxonomy slug; unknown (municipality-added) slugs show as themselves. */
export function label(
  kind: 'targetGroup' | 'category' | 'trait' | 'language',
  slug: string,
): string {
  return lookup(messages, `taxonomy.${kind}.${slug}`) ?? slug;
}
