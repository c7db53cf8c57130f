import * as z from 'zod/mini';
/** ISO date (YYYY-MM-DD) that is also a real calendar day. */
export declare const isoDate: z.ZodMiniString<string>;
/** Wall-clock time HH:MM (Europe/Berlin), as in HSDS opens_at / closes_at. */
export declare const wallTime: z.ZodMiniString<string>;
export declare const visibility: z.ZodMiniEnum<{
  public: 'public';
  internal: 'internal';
}>;
export type Visibility = z.infer<typeof visibility>;
/** Text a person typed: trimmed, bounded so a paste accident cannot bloat every device. */
export declare const text: (max: number) => z.ZodMiniString<string>;
export declare const requiredText: (max: number) => z.ZodMiniString<string>;
/**
 * Links are rendered as <a href>, so only schemes that cannot run code are allowed.
 * Plain `z.url()` would accept `javascript:`.
 */
export declare const webUrl: z.ZodMiniString<string>;
export declare const email: z.ZodMiniString<string>;
export declare const phone: z.ZodMiniString<string>;
/** Fields every synced record carries. `version` is assigned by the server (0 = never synced). */
export declare const syncMeta: {
  id: z.ZodMiniUUID;
  version: z.ZodMiniDefault<z.ZodMiniInt>;
  updated_at: z.iso.ZodMiniISODateTime;
  updated_by: z.ZodMiniDefault<z.ZodMiniNullable<z.ZodMiniString<string>>>;
  deleted: z.ZodMiniDefault<z.ZodMiniBoolean<boolean>>;
  visibility: z.ZodMiniDefault<
    z.ZodMiniEnum<{
      public: 'public';
      internal: 'internal';
    }>
  >;
};
