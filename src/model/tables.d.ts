import type * as z from 'zod/mini';
/** Every synced table, by its wire name. The order is the order of foreign keys. */
export declare const TABLE_SCHEMAS: {
  readonly organizations: z.ZodMiniObject<
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
  readonly locations: z.ZodMiniObject<
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
  readonly services: z.ZodMiniObject<
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
  readonly schedules: z.ZodMiniObject<
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
  readonly contacts: z.ZodMiniObject<
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
  readonly referrals: z.ZodMiniObject<
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
};
export type TableName = keyof typeof TABLE_SCHEMAS;
export declare const TABLE_NAMES: TableName[];
export type RecordOf<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
export type AnyRecord = RecordOf<TableName>;
export declare function isTableName(x: unknown): x is TableName;
/** One entry of a pull page: `data` is null for a tombstone. */
export interface Change<T extends TableName = TableName> {
  table: T;
  id: string;
  version: number;
  deleted: boolean;
  data: RecordOf<T> | null;
}
export interface PullResponse {
  changes: Change[];
  cursor: string;
  more: boolean;
}
