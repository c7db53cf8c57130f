import * as z from 'zod/mini';
import {
  email,
  isoDate,
  longText,
  phone,
  requiredText,
  syncMeta,
  text,
  wallTime,
  webUrl,
} from './meta';
import { REFERRAL_CHANNELS, SLUG_PATTERN, TRAITS } from './taxonomy';
import { translationsField } from './translations';

const slug = z.string().check(z.regex(SLUG_PATTERN, 'slug'));
const slugList = z._default(z.array(slug).check(z.maxLength(50)), []);
/** BCP 47 primary language subtag, e.g. "de", "ar", "tr". */
const lang = z.string().check(z.regex(/^[a-z]{2,3}$/, 'langCode'));
const optText = (max: number) => z.optional(z.nullable(text(max)));
const optLongText = (max: number) => z.optional(z.nullable(longText(max)));
const opt = <T extends z.core.SomeType>(s: T) => z.optional(z.nullable(s));

/** Träger — HSDS organization. */
export const Organization = z.object({
  ...syncMeta,
  name: requiredText(200),
  description: z._default(longText(4000), ''),
  email: opt(email),
  website: opt(webUrl),
  phone: opt(phone),
  translations: translationsField('organizations'),
});

/** Ort — HSDS location with its (single) physical address folded in. */
export const Location = z.object({
  ...syncMeta,
  organization_id: opt(z.uuid()),
  name: requiredText(200),
  description: optLongText(2000),
  address_1: requiredText(200),
  postal_code: z.string().check(z.regex(/^\d{5}$/, 'postalCode')),
  city: requiredText(100),
  quartier: requiredText(100),
  latitude: opt(z.number().check(z.gte(-90), z.lte(90))),
  longitude: opt(z.number().check(z.gte(-180), z.lte(180))),
  accessibility: optLongText(1000),
  transportation: optLongText(1000),
  translations: translationsField('locations'),
});

/** Angebot — HSDS service plus the fields our directory filters on. */
export const Service = z.object({
  ...syncMeta,
  organization_id: z.uuid('organizationMissing'),
  name: requiredText(200),
  alternate_name: optText(200),
  description: z._default(longText(8000), ''),
  url: opt(webUrl),
  email: opt(email),
  phone: opt(phone),
  status: z._default(z.enum(['active', 'paused', 'ended']), 'active'),
  target_groups: slugList,
  categories: slugList,
  traits: z._default(z.array(z.enum(TRAITS)), []),
  languages: z._default(z.array(lang).check(z.maxLength(40)), []),
  legal_basis: optText(200),
  location_ids: z._default(z.array(z.uuid()).check(z.maxLength(50)), []),
  fees_description: optLongText(1000),
  eligibility_description: optLongText(2000),
  application_process: optLongText(2000),
  /** "Zuletzt geprüft" — HSDS assured_date. */
  assured_date: opt(isoDate),
  translations: translationsField('services'),
});

const bydayPart = /^(?:[+-]?(?:[1-9]|[1-4]\d|5[0-3]))?(?:MO|TU|WE|TH|FR|SA|SU)$/;
const monthdayPart = /^-?(?:[1-9]|[12]\d|3[01])$/;
const csv = (re: RegExp, message: string) =>
  z.string().check(
    z.maxLength(200),
    z.refine((s) => s.split(',').every((p) => re.test(p.trim())), message),
  );

/**
 * Sprechstunde — field names follow HSDS 3 schedule (RFC 5545 recurrence), so the fields
 * we carry map one to one. Not carried: byweekno, byyearday, timezone (always
 * Europe/Berlin here), description, schedule_link, attending_type, service_at_location_id,
 * attributes, metadata. exdates, rdates and closed_on_holidays are our
 * additions because real notices say "fällt am 24.12. aus" and "an Feiertagen geschlossen".
 */
export const ScheduleRule = z.object({
  freq: z.enum(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']),
  interval: z._default(z.int().check(z.gte(1), z.lte(52)), 1),
  byday: opt(csv(bydayPart, 'byday')),
  bymonthday: opt(csv(monthdayPart, 'bymonthday')),
  dtstart: opt(isoDate),
  until: opt(isoDate),
  count: opt(z.int().check(z.gte(1), z.lte(1000))),
  /** First day of the week for INTERVAL > 1 (RFC 5545 WKST); absent means Monday. */
  wkst: opt(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])),
  opens_at: wallTime,
  closes_at: wallTime,
  valid_from: opt(isoDate),
  valid_to: opt(isoDate),
  exdates: z._default(z.array(isoDate).check(z.maxLength(500)), []),
  rdates: z._default(z.array(isoDate).check(z.maxLength(500)), []),
  closed_on_holidays: z._default(z.boolean(), true),
});

export const Schedule = z.extend(ScheduleRule, {
  ...syncMeta,
  service_id: z.uuid('serviceMissing'),
  location_id: opt(z.uuid()),
  notes: optLongText(1000),
  translations: translationsField('schedules'),
});

/** Ansprechperson. `visibility: internal` keeps a direct line away from residents. */
export const Contact = z.object({
  ...syncMeta,
  service_id: opt(z.uuid()),
  organization_id: opt(z.uuid()),
  name: requiredText(200),
  title: optText(200),
  phone: opt(phone),
  email: opt(email),
  languages: z._default(z.array(lang).check(z.maxLength(40)), []),
  availability: optText(500),
  translations: translationsField('contacts'),
});

/**
 * Verweisberatung — deliberately anonymous (DSGVO): no name, no free text. `strictObject`
 * so that a client cannot smuggle personal data in as an unknown field.
 */
export const Referral = z.strictObject({
  ...syncMeta,
  date: isoDate,
  service_id: z.uuid(),
  target_groups: slugList,
  quartier: opt(text(100)),
  channel: z.enum(REFERRAL_CHANNELS),
});

/**
 * Eigenes Suchwort: a word a district uses for a need ("Büdchen"), added by a coordinator to
 * a concept of the search's thesaurus. `concept` is the concept's stable id.
 */
export const LocalTerm = z.object({
  ...syncMeta,
  concept: z.string().check(z.regex(SLUG_PATTERN, 'concept')),
  term: requiredText(100),
});

export type Organization = z.infer<typeof Organization>;
export type Location = z.infer<typeof Location>;
export type Service = z.infer<typeof Service>;
export type ScheduleRule = z.input<typeof ScheduleRule>;
export type Schedule = z.infer<typeof Schedule>;
export type Contact = z.infer<typeof Contact>;
export type Referral = z.infer<typeof Referral>;
export type LocalTerm = z.infer<typeof LocalTerm>;
