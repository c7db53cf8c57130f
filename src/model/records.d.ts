import * as z from 'zod/mini';
/** Träger — HSDS organization. */
export declare const Organization: z.ZodMiniObject<
  {
    name: z.ZodMiniString<string>;
    description: z.ZodMiniDefault<z.ZodMiniString<string>>;
    email: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    website: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    phone: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
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
  },
  z.core.$strip
>;
/** Ort — HSDS location with its (single) physical address folded in. */
export declare const Location: z.ZodMiniObject<
  {
    organization_id: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniUUID>>;
    name: z.ZodMiniString<string>;
    description: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    address_1: z.ZodMiniString<string>;
    postal_code: z.ZodMiniString<string>;
    city: z.ZodMiniString<string>;
    quartier: z.ZodMiniString<string>;
    latitude: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniNumber<number>>>;
    longitude: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniNumber<number>>>;
    accessibility: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    transportation: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
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
  },
  z.core.$strip
>;
/** Angebot — HSDS service plus the fields our directory filters on. */
export declare const Service: z.ZodMiniObject<
  {
    organization_id: z.ZodMiniUUID;
    name: z.ZodMiniString<string>;
    alternate_name: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    description: z.ZodMiniDefault<z.ZodMiniString<string>>;
    url: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    email: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    phone: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    status: z.ZodMiniDefault<
      z.ZodMiniEnum<{
        active: 'active';
        paused: 'paused';
        ended: 'ended';
      }>
    >;
    target_groups: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    categories: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    traits: z.ZodMiniDefault<
      z.ZodMiniArray<
        z.ZodMiniEnum<{
          niedrigschwellig: 'niedrigschwellig';
          aufsuchend: 'aufsuchend';
          'ohne-termin': 'ohne-termin';
          kostenlos: 'kostenlos';
          anonym: 'anonym';
          barrierefrei: 'barrierefrei';
        }>
      >
    >;
    languages: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    legal_basis: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    location_ids: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniUUID>>;
    fees_description: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    eligibility_description: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    application_process: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    assured_date: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
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
  },
  z.core.$strip
>;
/**
 * Sprechstunde — field names follow HSDS 3 schedule (RFC 5545 recurrence) so import
 * and export are loss-free; exdates, rdates and closed_on_holidays are our additions
 * because real notices say "fällt am 24.12. aus" and "an Feiertagen geschlossen".
 */
export declare const ScheduleRule: z.ZodMiniObject<
  {
    freq: z.ZodMiniEnum<{
      DAILY: 'DAILY';
      WEEKLY: 'WEEKLY';
      MONTHLY: 'MONTHLY';
      YEARLY: 'YEARLY';
    }>;
    interval: z.ZodMiniDefault<z.ZodMiniInt>;
    byday: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    bymonthday: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    dtstart: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    until: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    count: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniInt>>;
    opens_at: z.ZodMiniString<string>;
    closes_at: z.ZodMiniString<string>;
    valid_from: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    valid_to: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    exdates: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    rdates: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    closed_on_holidays: z.ZodMiniDefault<z.ZodMiniBoolean<boolean>>;
  },
  z.core.$strip
>;
export declare const Schedule: z.ZodMiniObject<
  {
    freq: z.ZodMiniEnum<{
      DAILY: 'DAILY';
      WEEKLY: 'WEEKLY';
      MONTHLY: 'MONTHLY';
      YEARLY: 'YEARLY';
    }>;
    interval: z.ZodMiniDefault<z.ZodMiniInt>;
    byday: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    bymonthday: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    dtstart: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    until: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    count: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniInt>>;
    opens_at: z.ZodMiniString<string>;
    closes_at: z.ZodMiniString<string>;
    valid_from: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    valid_to: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    exdates: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    rdates: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    closed_on_holidays: z.ZodMiniDefault<z.ZodMiniBoolean<boolean>>;
    service_id: z.ZodMiniUUID;
    location_id: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniUUID>>;
    notes: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
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
  },
  z.core.$strip
>;
/** Ansprechperson. `visibility: internal` keeps a direct line away from residents. */
export declare const Contact: z.ZodMiniObject<
  {
    service_id: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniUUID>>;
    organization_id: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniUUID>>;
    name: z.ZodMiniString<string>;
    title: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    phone: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    email: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    languages: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    availability: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
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
  },
  z.core.$strip
>;
/**
 * Verweisberatung — deliberately anonymous (DSGVO): no name, no free text. `strictObject`
 * so that a client cannot smuggle personal data in as an unknown field.
 */
export declare const Referral: z.ZodMiniObject<
  {
    date: z.ZodMiniString<string>;
    service_id: z.ZodMiniUUID;
    target_groups: z.ZodMiniDefault<z.ZodMiniArray<z.ZodMiniString<string>>>;
    quartier: z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString<string>>>;
    channel: z.ZodMiniEnum<{
      share: 'share';
      sms: 'sms';
      print: 'print';
      qr: 'qr';
      copy: 'copy';
      phone: 'phone';
      'in-person': 'in-person';
    }>;
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
  },
  z.core.$strict
>;
export type Organization = z.infer<typeof Organization>;
export type Location = z.infer<typeof Location>;
export type Service = z.infer<typeof Service>;
export type ScheduleRule = z.input<typeof ScheduleRule>;
export type Schedule = z.infer<typeof Schedule>;
export type Contact = z.infer<typeof Contact>;
export type Referral = z.infer<typeof Referral>;
