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

const german: Catalogue = { ...de };
/**
 * Every language loaded so far, each with all parts screens asked for. A catalogue stays
 * once loaded, so a slip or a calendar file in a language other than the UI's does not
 * load it again, and switching back is instant.
 */
const loaded = new Map<UiLanguage, Catalogue>([[DEFAULT_LANGUAGE, german]]);
const loading = new Map<UiLanguage, Promise<void>>();
let language: UiLanguage = DEFAULT_LANGUAGE;
/** Catalogue parts that screens have asked for ("coordination"), in every language. */
const parts = new Set<string>();
const listeners = new Set<(lang: UiLanguage) => void>();

/**
 * Hands in the loaders. Catalogues loaded before are dropped, except German and the
 * language on screen, so the next load of a language comes from the new loaders.
 */
export function provideCatalogues(loaders: Loaders): void {
  catalogues = loaders;
  for (const lang of loaded.keys()) {
    if (lang !== DEFAULT_LANGUAGE && lang !== language) loaded.delete(lang);
  }
}

async function loadCatalogue(lang: UiLanguage, part?: string): Promise<Catalogue> {
  const file = part ? `./${lang}.${part}.json` : `./${lang}.json`;
  const load = catalogues[file];
  // No loader is a setup error (Node code without provideCatalogues), not German.
  if (!load) throw new Error(`No catalogue ${file}: provideCatalogues() has none for it`);
  return (await load()).default;
}

/** Thrown for a language whose catalogue is not loaded: never a silent fall to German. */
export class LanguageNotLoaded extends Error {
  constructor(readonly language: string) {
    super(
      languageInfo(language as UiLanguage).code === language
        ? `The messages of "${language}" are not loaded: await loadLanguage("${language}") first`
        : `"${language}" is not a UI language`,
    );
    this.name = 'LanguageNotLoaded';
  }
}

/**
 * Loads the catalogue of `lang` (with every part asked for so far) without switching the
 * UI, for text written in another language than the screen's. Settles at once if it is
 * here; rejects if it cannot load (offline with the chunk evicted), and then loads again
 * on the next call.
 */
export function loadLanguage(lang: UiLanguage): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = (async () => {
      const catalogue: Catalogue = {};
      const done = new Set<string>();
      Object.assign(catalogue, await loadCatalogue(lang));
      // A part asked for while this language loaded is loaded too.
      for (let todo = [...parts]; todo.length > 0; todo = [...parts].filter((p) => !done.has(p))) {
        for (const part of await Promise.all(todo.map((p) => loadCatalogue(lang, p)))) {
          Object.assign(catalogue, part);
        }
        for (const p of todo) done.add(p);
      }
      loaded.set(lang, catalogue);
    })().finally(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

export function isLanguageLoaded(lang: UiLanguage): boolean {
  return loaded.has(lang);
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
  await loadLanguage(lang);
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
 * returned promise settles when the part is in every loaded language too.
 */
export async function addMessages(part: string, germanPart: Catalogue): Promise<void> {
  Object.assign(german, germanPart);
  if (parts.has(part)) return;
  parts.add(part);
  await Promise.all(
    [...loaded]
      .filter(([lang]) => lang !== DEFAULT_LANGUAGE)
      .map(async ([lang, catalogue]) => {
        // Offline with the chunk evicted, the screen still opens, in German.
        Object.assign(catalogue, await loadCatalogue(lang, part).catch(() => ({})));
      }),
  );
}

function lookup(tree: Catalogue, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Catalogue)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function catalogueOf(lang: UiLanguage): Catalogue {
  const catalogue = loaded.get(lang);
  if (!catalogue) throw new LanguageNotLoaded(lang);
  return catalogue;
}

/** The message in `lang`, else in German; undefined when neither has it. */
export function messageIn(lang: UiLanguage, key: string): string | undefined {
  return lookup(catalogueOf(lang), key) ?? lookup(german, key);
}

/** The message in the UI language, else in German; undefined when neither has it. */
export function message(key: string): string | undefined {
  return messageIn(language, key);
}

export type Translate = (key: MessageKey | (string & {}), params?: MessageParams) => string;

/**
 * Translate into `lang` with `{name}` placeholders and ICU plurals by that language's
 * rules. Falls back to German, then to the key itself, so a missing message never shows an
 * empty button. Throws LanguageNotLoaded before `loadLanguage(lang)` has settled.
 */
export function tFor(
  lang: UiLanguage,
  key: MessageKey | (string & {}),
  params?: MessageParams,
): string {
  return formatMessage(messageIn(lang, key) ?? key, params, languageInfo(lang).intl);
}

/** `tFor` bound to one language; throws LanguageNotLoaded at once if it is not loaded. */
export function translator(lang: UiLanguage): Translate {
  catalogueOf(lang);
  return (key, params) => tFor(lang, key, params);
}

/** Translate into the UI language (see tFor). */
export function t(key: MessageKey | (string & {}), params?: MessageParams): string {
  return tFor(language, key, params);
}

/** Label of a taxonomy slug; unknown (municipality-added) slugs show as themselves. */
export function label(
  kind: 'targetGroup' | 'category' | 'trait' | 'language',
  slug: string,
): string {
  return message(`taxonomy.${kind}.${slug}`) ?? slug;
}
