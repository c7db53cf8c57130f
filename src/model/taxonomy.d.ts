/**
 * Taxonomies are data, not enums: records store slugs, so a municipality can add
 * its own target group or category without a schema change. Labels live in the
 * i18n files under `taxonomy.<kind>.<slug>`; unknown slugs fall back to the slug.
 */
export declare const TARGET_GROUPS: readonly [
  'alleinerziehende',
  'jugendliche',
  'langzeitarbeitslose',
  'familien',
  'grosse-bg',
  'fluchthintergrund',
  'seniorinnen',
  'wohnungslose',
  'unerreichte',
];
export declare const CATEGORIES: readonly [
  'beratung',
  'arbeit',
  'qualifizierung',
  'sprache',
  'schule-beruf',
  'kinderbetreuung',
  'wohnen',
  'gesundheit',
  'schulden',
  'migration',
  'begegnung',
  'nahversorgung',
];
export declare const TRAITS: readonly [
  'niedrigschwellig',
  'aufsuchend',
  'ohne-termin',
  'kostenlos',
  'anonym',
  'barrierefrei',
];
export declare const REFERRAL_CHANNELS: readonly [
  'share',
  'sms',
  'print',
  'qr',
  'copy',
  'phone',
  'in-person',
];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Trait = (typeof TRAITS)[number];
export declare const SLUG_PATTERN: RegExp;
