/**
 * Taxonomies are data, not enums: records store slugs, so a municipality can add
 * its own target group or category without a schema change. Labels live in the
 * i18n files under `taxonomy.<kind>.<slug>`; unknown slugs fall back to the slug.
 */
export const TARGET_GROUPS = [
  'alleinerziehende',
  'jugendliche',
  'langzeitarbeitslose',
  'familien',
  'grosse-bg',
  'fluchthintergrund',
  'seniorinnen',
  'wohnungslose',
  'unerreichte',
] as const;

export const CATEGORIES = [
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
] as const;

export const TRAITS = [
  'niedrigschwellig',
  'aufsuchend',
  'ohne-termin',
  'kostenlos',
  'anonym',
  'barrierefrei',
] as const;

export const REFERRAL_CHANNELS = [
  'share',
  'sms',
  'print',
  'qr',
  'copy',
  'phone',
  'in-person',
] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Trait = (typeof TRAITS)[number];

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
