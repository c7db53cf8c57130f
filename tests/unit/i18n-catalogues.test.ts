import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageShape } from '../../src/i18n/format';
import { UI_LANGUAGES } from '../../src/i18n/languages';

const DIR = join(import.meta.dirname, '../../src/i18n');
const PARTS = ['', '.coordination'] as const;

type Tree = { [key: string]: string | Tree };
/** A missing file reads as empty, so the key test names every key it lacks. */
const read = (file: string): Tree =>
  existsSync(join(DIR, file)) ? (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Tree) : {};

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe('message catalogues', () => {
  it('has a catalogue pair for every UI language and no file for any other', () => {
    const expected = UI_LANGUAGES.flatMap((l) => PARTS.map((p) => `${l.code}${p}.json`));
    const present = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(sorted(present)).toEqual(sorted(expected));
  });

  for (const part of PARTS) {
    const german = flatten(read(`de${part}.json`));
    for (const lang of UI_LANGUAGES.filter((l) => l.code !== 'de')) {
      describe(`${lang.code}${part}.json`, () => {
        const file = `${lang.code}${part}.json`;
        const messages = flatten(read(file));
        const categories = new Set<string>(
          new Intl.PluralRules(lang.intl).resolvedOptions().pluralCategories,
        );

        it('has exactly the German keys', () => {
          expect({ missing: sorted([...german.keys()].filter((k) => !messages.has(k))) }).toEqual({
            missing: [],
          });
          expect({ extra: sorted([...messages.keys()].filter((k) => !german.has(k))) }).toEqual({
            extra: [],
          });
        });

        it('uses the same placeholders as German, and the plural forms its language has', () => {
          const wrong: string[] = [];
          for (const [key, de] of german) {
            const own = messages.get(key);
            if (own === undefined) continue;
            if (own.trim() === '' && de.trim() !== '') wrong.push(`${key}: empty`);
            const want = messageShape(de);
            const got = messageShape(own);
            if (sorted(got.args).join() !== sorted(want.args).join()) {
              wrong.push(`${key}: placeholders ${sorted(got.args)} ≠ ${sorted(want.args)}`);
            }
            for (const arg of want.plurals.keys()) {
              const forms = got.plurals.get(arg);
              if (!forms) {
                wrong.push(`${key}: {${arg}} is not a plural`);
                continue;
              }
              const named = [...forms].filter((f) => !f.startsWith('='));
              const unknown = named.filter((f) => !categories.has(f));
              const lacking = [...categories].filter((c) => !forms.has(c));
              if (unknown.length) wrong.push(`${key}: no such plural form ${unknown}`);
              if (lacking.length) wrong.push(`${key}: lacks plural form ${lacking}`);
            }
          }
          expect(wrong).toEqual([]);
        });
      });
    }
  }
});
