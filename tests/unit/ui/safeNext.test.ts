import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../src/features/login/safeNext';

const ORIGIN = 'https://wegweiser.example';

/** `?weiter=<raw>` with the value put into the query exactly as given (no extra encoding). */
const raw = (value: string) => `?weiter=${value}`;
/** `?weiter=<value>` encoded the way a link builder would, so URLSearchParams gives it back. */
const param = (value: string) => `?${new URLSearchParams({ weiter: value })}`;

describe('safeNext', () => {
  it.each([
    ['/angebote', '/angebote'],
    ['/angebote?x=1#y', '/angebote?x=1#y'],
    ['/bearbeiten/angebote/abc', '/bearbeiten/angebote/abc'],
    ['/sprechstunden?offen=heute', '/sprechstunden?offen=heute'],
  ])('keeps the same-origin path %s', (next, expected) => {
    expect(safeNext(param(next), ORIGIN)).toBe(expected);
  });

  it('keeps a percent-encoded backslash inside a path as a harmless path', () => {
    // `%255C` arrives as the literal text `%5C`: a path segment, not a separator.
    expect(safeNext(raw('/%255Cangebote'), ORIGIN)).toBe('/%5Cangebote');
  });

  it('normalises what the browser would normalise, so the result is what it loads', () => {
    expect(safeNext(param('/angebote/../info'), ORIGIN)).toBe('/info');
  });

  it.each([
    // The reported repro: %5C is decoded by URLSearchParams to a backslash.
    ['/%5C127.0.0.2:8092/x', raw],
    ['/\\127.0.0.2:8092/x', param],
    ['\\\\evil.example/x', param],
    ['\\/evil.example', param],
    ['/\\/evil.example', param],
    ['%5C%5Cevil.example', raw],
    ['/%5C%5Cevil.example', raw],
    ['//evil.example/x', param],
    ['///evil.example/x', param],
    ['/\t/evil.example', param],
    ['/\n/evil', param],
    ['/\r\n/evil', param],
    ['%2F%09%2Fevil.example', raw],
    ['\t//evil.example', param],
    [' //evil.example', param],
    ['javascript:alert(1)', param],
    ['JavaScript:alert(1)', param],
    ['java\tscript:alert(1)', param],
    ['http://other.example/', param],
    ['https://other.example/angebote', param],
    ['http:/\\other.example', param],
    ['https:evil.example', param],
    ['data:text/html,<script>alert(1)</script>', param],
    ['https://wegweiser.example.evil.example/', param],
    ['https://wegweiser.example@evil.example/', param],
  ])('rejects %j', (next, encode) => {
    expect(safeNext(encode(next), ORIGIN)).toBeNull();
  });

  it('rejects an absolute URL even when it names our own origin (paths only)', () => {
    expect(safeNext(param(`${ORIGIN}/angebote`), ORIGIN)).toBeNull();
  });

  it('gives null without a parameter, for an empty one and for garbage', () => {
    expect(safeNext('', ORIGIN)).toBeNull();
    expect(safeNext('?weiter=', ORIGIN)).toBeNull();
    expect(safeNext('?anderes=/angebote', ORIGIN)).toBeNull();
    expect(safeNext(param('angebote'), ORIGIN)).toBeNull();
  });
});
