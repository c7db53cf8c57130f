import type coordination from './de.coordination.json';
import de from './de.json';
import { formatMessage, type MessageParams } from './format';
import { DEFAULT_LANGUAGE, languageInfo, type UiLanguage } from './languages';

type Messages = typeof de & typeof coordination;
/** Dotted paths into the message file, so a typo in a key is a type error. */
type Path<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Path<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Path<Messages>;

type Catalogue = Record<string, unknown>;

/*
 * German is always here: it is the default and the fallback for a key a catalogue lacks.
 * Every other language is its own chunk, loaded when chosen (see ./catalogues), so the
 * start page carries one catalogue. The loaders are handed in by the browser's entry:
 * Node code (server, benchmarks) imports this module too, and has no bundler to split.
 */
type Loaders = Record<string, () => Promise<{ default: Catalogue }>>;
let catalogues: Loaders = {};

export function provideCatalogues(loaders: Loaders): void {
  catalogues = loaders;
}

const german: Catalogue = { ...de };
let active: Catalogue = {};
let language: UiLanguage = DEFAULT_LANGUAGE;
/** Catalogue parts that screens have asked for ("coordination"), in every language. */
const parts = new Set<string>();
const listeners = new Set<(lang: UiLanguage) => void>();

async function loadCatalogue(lang: UiLanguage, part?: string): Promise<Catalogue> {
  if (lang === DEFAULT_LANGUAGE) return {};
  const load = catalogues[part ? `./${lang}.${part}.json` : `./${lang}.json`];
  return load ? (await load()).default : {};
}

export function currentLanguage(): UiLanguage {
  return language;
}

/** The locale for `Intl` (dates, numbers, plural rules) of the UI language. */
export function intlLocale(): string {
  return languageInfo(language).intl;
}

/**
 * Switches every message to `lang` once its catalogues are here; until then the old
 * language stays whole, so no screen shows two languages mixed by a half-loaded switch.
 */
export async function setLanguage(lang: UiLanguage): Promise<void> {
  const loaded = await Promise.all([
    loadCatalogue(lang),
    ...[...parts].map((p) => loadCatalogue(lang, p)),
  ]);
  active = Object.assign({}, ...loaded);
  language = lang;
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener: (lang: UiLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Screens that only some users open (editing, conflicts) bring their German messages with
 * their own chunk, so the start page does not carry them. German is added at once; the
 * returned promise settles when the part is in the current language too.
 */
export async function addMessages(part: string, germanPart: Catalogue): Promise<void> {
  Object.assign(german, germanPart);
  if (parts.has(part)) return;
  parts.add(part);
  // Offline with the chunk evicted, the screen still opens, in German.
  Object.assign(active, await loadCatalogue(language, part).catch(() => ({})));
}

function lookup(tree: Catalogue, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Catalogue)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The message in the UI language, else in German; undefined when neither has it. */
export function message(key: string): string | undefined {
  return lookup(active, key) ?? lookup(german, key);
}

/**
 * Translate with `{name}` placeholders and ICU plurals. Falls back to German, then to the
 * key itself, so a missing message never shows an empty button.
 */
export function t(key: MessageKey | (string & {}), params?: MessageParams): string {
  return formatMessage(message(key) ?? key, params, intlLocale());
}

/** Label of a taxonomy slug; unknown (municipality-added) slugs show as themselves. */
export function label(
  kind: 'targetGroup' | 'category' | 'trait' | 'language',
  slug: string,
): string {
  return message(`taxonomy.${kind}.${slug}`) ?? slug;
}
