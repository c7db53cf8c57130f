/*
 * The messages of these checks are keys of the catalogues' `validation` messages
 * (protocol/messages.ts turns them into an error with its German text), so each client
 * shows them in its UI language.
 */
import * as z from 'zod/mini';

/** ISO date (YYYY-MM-DD) that is also a real calendar day. */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'isoDate'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'calendarDate'),
);

/** Wall-clock time HH:MM (Europe/Berlin), as in HSDS opens_at / closes_at. */
export const wallTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'wallTime'));

export const visibility = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof visibility>;

/**
 * Characters that can make a text look like another: control characters (invisible, or
 * moving the cursor) and the Unicode bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069; "\u202Eexe.pdf" shows as "fdp.exe"). A single line allows none of them;
 * a multi-line text also allows newline and tab. The left-to-right and right-to-left marks
 * (U+200E, U+200F) stay allowed: mixed German and Arabic text needs them, and they cannot
 * reorder anything but neutral characters around them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * `data` with such characters in its top-level strings replaced by U+FFFD, in the fields
 * `oneLine` names also newline and tab. For reading records saved before these rules:
 * visibly marked instead of dropped from every device, and unable to disguise anything.
 */
export function maskDisguisingCharacters(
  data: Record<string, unknown>,
  oneLine: (field: string) => boolean,
): Record<string, unknown> {
  const line = new RegExp(NOT_IN_LINE.source, 'g');
  const lines = new RegExp(NOT_IN_TEXT.source, 'g');
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.replace(oneLine(k) ? line : lines, '\ufffd') : v,
    ]),
  );
}

/** The issue code the protocol (protocol/limits.ts) reports for such characters (as for NUL in any value). */
const INVALID_CHARACTERS = { params: { code: 'invalid_characters' } };
const oneLine = z.refine<string>((s) => !NOT_IN_LINE.test(s), {
  message: 'lineChars',
  ...INVALID_CHARACTERS,
});
const manyLines = z.refine<string>((s) => !NOT_IN_TEXT.test(s), {
  message: 'textChars',
  ...INVALID_CHARACTERS,
});

/**
 * One line a person typed (a name, a title); bounded, so a paste accident cannot bloat
 * every device.
 */
export const text = (max: number) => z.string().check(z.maxLength(max), oneLine);
/** Several lines a person typed (a description, notes). */
export const longText = (max: number) => z.string().check(z.maxLength(max), manyLines);
/** One line that must not be empty; trimmed. */
export const requiredText = (max: number) =>
  z
    // The error also covers a missing field, which would otherwise say "Invalid input".
    .string({ error: (issue) => (issue.input === undefined ? 'required' : undefined) })
    .check(z.trim(), z.minLength(1, 'required'), z.maxLength(max), oneLine);

/**
 * Links are rendered as <a href>, so only schemes that cannot run code are allowed.
 * Plain `z.url()` would accept `javascript:`.
 */
export const webUrl = z.string().check(
  z.maxLength(2000),
  z.refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'webUrl'),
);

export const email = z.string().check(z.maxLength(320), z.email('email'));
export const phone = z.string().check(z.maxLength(40), z.regex(/^\+?[0-9 ()/\-.]{3,}$/, 'phone'));

/** Fields every synced record carries. `version` is assigned by the server (0 = never synced). */
export const syncMeta = {
  id: z.uuid('invalidId'),
  version: z._default(z.int().check(z.nonnegative()), 0),
  updated_at: z.iso.datetime({ offset: true, error: 'timestamp' }),
  updated_by: z._default(z.nullable(z.string().check(z.maxLength(320))), null),
  deleted: z._default(z.boolean(), false),
  visibility: z._default(visibility, 'public'),
};
