import * as z from 'zod/mini';

/** ISO date (YYYY-MM-DD) that is also a real calendar day. */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Kein gültiges Kalenderdatum'),
);

/** Wall-clock time HH:MM (Europe/Berlin), as in HSDS opens_at / closes_at. */
export const wallTime = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM erwartet'));

export const visibility = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof visibility>;

/** Text a person typed: trimmed, bounded so a paste accident cannot bloat every device. */
export const text = (max: number) => z.string().check(z.maxLength(max, `Höchstens ${max} Zeichen`));
export const requiredText = (max: number) =>
  z
    // The error also covers a missing field, which would otherwise say "Invalid input".
    .string({ error: 'Pflichtfeld' })
    .check(z.trim(), z.minLength(1, 'Pflichtfeld'), z.maxLength(max, `Höchstens ${max} Zeichen`));

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
  }, 'Nur http(s)-Adressen sind erlaubt'),
);

export const email = z.string().check(z.maxLength(320), z.email('Keine gültige E-Mail-Adresse'));
export const phone = z
  .string()
  .check(
    z.maxLength(40),
    z.regex(/^\+?[0-9 ()/\-.]{3,}$/, 'Telefonnummer nur aus Ziffern, Leerzeichen und + ( ) / - .'),
  );

/** Fields every synced record carries. `version` is assigned by the server (0 = never synced). */
export const syncMeta = {
  id: z.uuid('Ungültige ID'),
  version: z._default(z.int().check(z.nonnegative()), 0),
  updated_at: z.iso.datetime({ offset: true, error: 'Zeitstempel im ISO-8601-Format erwartet' }),
  updated_by: z._default(z.nullable(z.string().check(z.maxLength(320))), null),
  deleted: z._default(z.boolean(), false),
  visibility: z._default(visibility, 'public'),
};
