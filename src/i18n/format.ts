/**
 * The part of ICU MessageFormat that the catalogues use: `{name}`, and
 * `{n, plural, =0 {…} one {# …} other {# …}}`, `{n, selectordinal, one {#st} …}` and
 * `{x, select, a {…} other {…}}`, nested.
 * Plural categories come from `Intl.PluralRules`, which knows the CLDR rules of every UI
 * language (Arabic's six, the few/many of Russian, Ukrainian and Polish), so a translator
 * writes the forms their language needs and the code never counts 1 against N itself.
 * Apostrophes are plain text: catalogues never need to write a literal brace.
 */
import { UI_LANGUAGES } from './languages';

export type MessageParams = Record<string, string | number>;

type Kind = 'plural' | 'selectordinal' | 'select';
const KINDS = new Set<string>(['plural', 'selectordinal', 'select']);

type Node =
  | string
  | { arg: string }
  | { arg: string; kind: Kind; options: Map<string, Node[]> }
  | { hash: true };

/** Parsed patterns by source text: each message is parsed once per session. */
const parsed = new Map<string, Node[]>();

function parse(src: string, start: number, inPlural: boolean): [Node[], number] {
  const nodes: Node[] = [];
  let text = '';
  let i = start;
  const flush = () => {
    if (text) nodes.push(text);
    text = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '}') break;
    if (ch === '#' && inPlural) {
      flush();
      nodes.push({ hash: true });
      i++;
    } else if (ch === '{') {
      flush();
      const [node, next] = parseArgument(src, i + 1, inPlural);
      nodes.push(node);
      i = next;
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return [nodes, i];
}

/** `inPlural`: a `select` inside a plural still writes the plural's number for `#`. */
function parseArgument(src: string, start: number, inPlural: boolean): [Node, number] {
  const close = src.indexOf('}', start);
  const comma = src.indexOf(',', start);
  if (close === -1) return [src.slice(start - 1), src.length];
  if (comma === -1 || comma > close) return [{ arg: src.slice(start, close).trim() }, close + 1];
  const arg = src.slice(start, comma).trim();
  const kindEnd = src.indexOf(',', comma + 1);
  const kind = src.slice(comma + 1, kindEnd === -1 ? close : kindEnd).trim();
  if (!KINDS.has(kind) || kindEnd === -1) return [{ arg }, close + 1];
  const options = new Map<string, Node[]>();
  let i = kindEnd + 1;
  while (i < src.length) {
    while (i < src.length && /\s/.test(src[i] as string)) i++;
    if (src[i] === '}') return [{ arg, kind: kind as Kind, options }, i + 1];
    const open = src.indexOf('{', i);
    if (open === -1) break;
    const key = src.slice(i, open).trim();
    const [body, end] = parse(src, open + 1, kind !== 'select' || inPlural);
    options.set(key, body);
    i = end + 1;
  }
  return [{ arg, kind: kind as Kind, options }, src.length];
}

function parsePattern(pattern: string): Node[] {
  let nodes = parsed.get(pattern);
  if (!nodes) {
    nodes = parse(pattern, 0, false)[0];
    parsed.set(pattern, nodes);
  }
  return nodes;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralCategory(locale: string, n: number, type: Intl.PluralRuleType): string {
  const key = `${locale} ${type}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    pluralRules.set(key, rules);
  }
  return rules.select(n);
}

/** "a", "a und b", "a, b und c" in the locale's own words and punctuation ("a وb"). */
export function joinList(parts: readonly string[], locale: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(parts);
}

const grouping = new Map<string, readonly [string, number]>(
  UI_LANGUAGES.map((l) => [l.intl, l.group]),
);

/**
 * Whole numbers are written without Intl in the UI languages (see `group` in ./languages.ts):
 * every one uses Latin digits, and the first NumberFormat of a page loads ICU's locale tables
 * (40–90 ms on a fast machine, four times that on a slow phone), which the start page's
 * counts and the first sync's "x von y" should not wait for.
 */
export function formatNumberIn(locale: string, n: number): string {
  const group = grouping.get(locale);
  if (Number.isSafeInteger(n) && n >= 0 && group) {
    const digits = String(n);
    const [separator, from] = group;
    if (digits.length < from) return digits;
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }
  let fmt = numberFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, fmt);
  }
  return fmt.format(n);
}

function render(
  nodes: Node[],
  params: MessageParams,
  locale: string,
  count: number | null,
): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if ('hash' in node) out += count === null ? '#' : formatNumberIn(locale, count);
    else if (!('kind' in node)) {
      out += node.arg in params ? String(params[node.arg]) : `{${node.arg}}`;
    } else {
      const value = params[node.arg];
      if (node.kind !== 'select') {
        const n = Number(value);
        const type = node.kind === 'plural' ? 'cardinal' : 'ordinal';
        const branch =
          node.options.get(`=${n}`) ??
          node.options.get(pluralCategory(locale, n, type)) ??
          node.options.get('other');
        if (branch) out += render(branch, params, locale, n);
      } else {
        const branch = node.options.get(String(value)) ?? node.options.get('other');
        if (branch) out += render(branch, params, locale, count);
      }
    }
  }
  return out;
}

export function formatMessage(
  pattern: string,
  params: MessageParams | undefined,
  locale: string,
): string {
  if (!pattern.includes('{')) return pattern;
  return render(parsePattern(pattern), params ?? {}, locale, null);
}

/** Names of the arguments a pattern uses, and the plural categories it writes per argument. */
export function messageShape(pattern: string): {
  args: Set<string>;
  plurals: Map<string, Set<string>>;
} {
  const args = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || 'hash' in node) continue;
      args.add(node.arg);
      if (!('kind' in node)) continue;
      if (node.kind === 'plural') {
        const cats = plurals.get(node.arg) ?? new Set<string>();
        for (const key of node.options.keys()) cats.add(key);
        plurals.set(node.arg, cats);
      }
      for (const body of node.options.values()) visit(body);
    }
  };
  visit(parse(pattern, 0, false)[0]);
  return { args, plurals };
}
