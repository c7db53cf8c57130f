import { describe, expect, it } from 'vitest';
import { mailtoHref, safeHref, telHref } from '../../../src/components/safeHref';

describe('safeHref', () => {
  it.each([
    ['https://www.caritas-ruhrstadt.de/beratung', 'https://www.caritas-ruhrstadt.de/beratung'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/a?b=c  ', 'https://example.org/a?b=c'],
    ['tel:+492021234567', 'tel:+492021234567'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
  ])('keeps %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    '/api/sync/pull',
    '//evil.example/x',
    'www.example.org',
    'https://',
    '',
    '   ',
  ])('rejects %j', (input) => {
    expect(safeHref(input)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});

describe('telHref', () => {
  it('keeps digits and a leading plus only', () => {
    expect(telHref('0202 563-1234')).toBe('tel:02025631234');
    expect(telHref('+49 (0)202 / 563 12 34')).toBe('tel:+492025631234');
  });

  it('gives no link for something that is not a number', () => {
    expect(telHref('bitte anfragen')).toBeUndefined();
    expect(telHref(null)).toBeUndefined();
  });
});

describe('mailtoHref', () => {
  it('links a plain address', () => {
    expect(mailtoHref('beratung@quartier.de')).toBe('mailto:beratung@quartier.de');
  });

  it('cannot smuggle headers into the mail', () => {
    const href = mailtoHref('a@b.de?bcc=spy');
    expect(href).toBe('mailto:a@b.de%3Fbcc%3Dspy');
    expect(href).not.toContain('?');
    expect(mailtoHref('a@b.de?bcc=spy@evil.example')).toBeUndefined();
  });

  it('gives no link for a non-address', () => {
    expect(mailtoHref('keine Mail')).toBeUndefined();
    // Whatever the text, the link can only ever be a mailto: link.
    expect(mailtoHref('javascript:alert(1)//@x')).toMatch(/^mailto:javascript%3A/);
  });
});
