/**
 * Internal formats (visibility 'internal'): only workers see them, never residents.
 */
import { MO_TO_FR, monthly, type OfferSpec, weekly } from './spec';

export const INTERN_OFFERS: OfferSpec[] = [
  {
    key: 'fallkonferenz',
    org: 'sozialamt',
    name: 'Fallkonferenz Hüttenfeld-Nord (intern)',
    desc: 'Rechtskreisübergreifende Fallkonferenz von Jobcenter, Jugendamt, Quartiersmanagement und Trägern. Fälle nur mit Einwilligung und pseudonymisiert vorstellen.',
    tg: ['grosse-bg', 'familien', 'unerreichte'],
    cat: ['beratung'],
    langs: ['de'],
    at: ['stz-huettenfeld'],
    hours: [
      monthly('2TU', '09:00', '11:00', {
        exdates: ['2027-07-13', '2027-08-10'],
        notes: 'Sommerpause Juli/August',
      }),
    ],
    contacts: [
      {
        name: 'Dr. Katrin Weißenfels',
        title: 'Sozialplanung',
        phone: '02390 77-5015',
        email: 'k.weissenfels@emscherhagen.example',
        internal: true,
      },
    ],
    internal: true,
    assured: '2026-10-29',
  },
  {
    key: 'kuemmerer-kollegiale-beratung',
    org: 'quartiersmanagement',
    name: 'Kümmerer-Sprechstunde: Kollegiale Fallberatung (intern)',
    desc: 'Wöchentliche offene Stunde für Quartierskümmerer*innen und Streetworker: schwierige Situationen besprechen, Kontakte teilen, Verweiswege abstimmen.',
    tg: ['unerreichte', 'wohnungslose'],
    cat: ['beratung'],
    langs: ['de'],
    at: ['quartiersbuero'],
    hours: [weekly('FR', '13:00', '14:00')],
    contacts: [
      {
        name: 'Lea Müller-Brügge',
        title: 'Quartiersmanagerin',
        phone: '02390 77-8812',
        email: 'l.mueller-bruegge@emscherhagen.example',
        internal: true,
      },
    ],
    internal: true,
    assured: '2026-10-28',
  },
  {
    key: 'runder-tisch',
    org: 'stz',
    name: 'Runder Tisch „Arbeit für Morgensonne“ (intern)',
    desc: 'Vierteljährliches Netzwerktreffen von Jobcenter, Trägern, Wohnungswirtschaft und Vereinen: Angebote abstimmen, Parallelstrukturen vermeiden, Lücken benennen.',
    tg: ['langzeitarbeitslose', 'jugendliche'],
    cat: ['arbeit'],
    langs: ['de'],
    at: ['stz-morgensonne'],
    hours: [monthly('1WE', '10:00', '12:00', { interval: 3, dtstart: '2026-12-02' })],
    internal: true,
    assured: '2026-10-17',
  },
  {
    key: 'bsd-direkter-draht',
    org: 'jugendamt',
    name: 'Direkter Draht Bezirkssozialdienst für Fachkräfte (intern)',
    desc: 'Telefonische Rücksprache für Fachkräfte im Quartier bei Sorgen um das Kindeswohl oder eiligen Fragen zu Hilfen zur Erziehung.',
    tg: ['familien', 'alleinerziehende', 'grosse-bg'],
    cat: ['beratung', 'kinderbetreuung'],
    langs: ['de'],
    legal: '§8a SGB VIII',
    at: ['familienbuero-morgensonne'],
    hours: [weekly(MO_TO_FR, '08:00', '09:00')],
    contacts: [
      {
        name: 'Bereitschaft Bezirkssozialdienst',
        phone: '02390 77-5199',
        email: 'bsd-fachkraefte@emscherhagen.example',
        availability: 'außerhalb der Zeiten: Notdienst über Leitstelle',
        internal: true,
      },
    ],
    internal: true,
    assured: '2026-10-18',
  },
];
