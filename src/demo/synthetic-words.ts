/** Word lists for the synthetic generator: enough variety that search and sort get real work. */
import type { Category, TargetGroup } from '../model';

export interface QuartierSeed {
  name: string;
  postal_code: string;
  lat: number;
  lon: number;
}

/** Twelve further Quartiere of Emscherhagen that only exist in synthetic data. */
export const SYNTHETIC_QUARTIERE: readonly QuartierSeed[] = [
  { name: 'Lindenhöfe', postal_code: '44881', lat: 51.5402, lon: 7.2301 },
  { name: 'Kokereiviertel', postal_code: '44881', lat: 51.5455, lon: 7.2058 },
  { name: 'Zechenkamp', postal_code: '44883', lat: 51.4983, lon: 7.2217 },
  { name: 'Grubenfeld-Ost', postal_code: '44883', lat: 51.4931, lon: 7.2562 },
  { name: 'Knappenheide', postal_code: '44885', lat: 51.5127, lon: 7.2733 },
  { name: 'Am Förderturm', postal_code: '44885', lat: 51.5299, lon: 7.2688 },
  { name: 'Schlägelsiedlung', postal_code: '44887', lat: 51.5513, lon: 7.2415 },
  { name: 'Kanalufer', postal_code: '44887', lat: 51.5368, lon: 7.1695 },
  { name: 'Brückenviertel', postal_code: '44889', lat: 51.5161, lon: 7.1602 },
  { name: 'Steigerhöhe', postal_code: '44889', lat: 51.4889, lon: 7.1881 },
  { name: 'Hafenbrücke-Süd', postal_code: '44891', lat: 51.5551, lon: 7.1903 },
  { name: 'Kolonie Glückauf', postal_code: '44891', lat: 51.5037, lon: 7.2892 },
];

export const ORG_KINDS = [
  'Nachbarschaftshilfe',
  'Bürgerstiftung',
  'Familienwerk',
  'Beschäftigungsinitiative',
  'Kulturverein',
  'Jugendwerk',
  'Sozialwerk',
  'Frauenhilfe',
  'Seniorenhilfe',
  'Bildungswerk',
  'Förderverein',
  'Arbeitsloseninitiative',
  'Gemeinwesenverein',
  'Quartiersgenossenschaft',
  'Integrationsagentur',
  'Lernwerkstatt',
] as const;

export const ORG_MOTTOS = [
  'Glückauf',
  'Brückenschlag',
  'Förderturm',
  'Lichtblick',
  'Kumpel',
  'Miteinander',
  'Sonnenseite',
  'Grubenlampe',
  'Zusammenhalt',
  'Weitblick',
  'Rückenwind',
  'Nachbarschaft',
  'Regenbogen',
  'Schutzengel',
] as const;

export const LEGAL_FORMS = ['e. V.', 'e. V.', 'gGmbH', 'eG', 'gGmbH', 'Stiftung'] as const;

export const LOCATION_KINDS = [
  'Begegnungsstätte',
  'Stadtteilbüro',
  'Gemeindehaus',
  'Familienzentrum',
  'Jugendtreff',
  'Bürgerhaus',
  'Beratungsstelle',
  'Nachbarschaftstreff',
  'Seniorenzentrum',
  'Ladenlokal',
  'Bildungszentrum',
  'Quartierswerkstatt',
  'Pfarrheim',
  'Mehrgenerationenhaus',
] as const;

export const STREETS = [
  'Mülheimer Straße',
  'Glückaufstraße',
  'Zechenstraße',
  'Kokereistraße',
  'Hüttenstraße',
  'Lindenstraße',
  'Kirchstraße',
  'Schulstraße',
  'Bahnhofstraße',
  'Grubenweg',
  'Förderturmstraße',
  'Am Schacht',
  'Schlägel-und-Eisen-Straße',
  'Emscherstraße',
  'Brückenstraße',
  'Lohmannstraße',
  'Steigerstraße',
  'Knappenstraße',
  'Gartenstraße',
  'Hölterstraße',
  'Weststraße',
  'Kanalstraße',
  'Bergmannsweg',
  'Rosenstraße',
  'Königsberger Str.',
  'Düppelstraße',
  'Marktstraße',
  'Kauenstraße',
  'Gießereistraße',
  'Fröbelstraße',
] as const;

export const ACCESSIBILITY = [
  'Stufenloser Zugang, barrierefreies WC.',
  'Aufzug vorhanden.',
  'Eine Stufe am Eingang, Rampe auf Nachfrage.',
  'Eingang über den Hof, Kinderwagen-Stellplatz.',
  'Nicht barrierefrei (Beratung im 2. OG ohne Aufzug).',
] as const;

interface Topic {
  name: string;
  sentence: string;
  categories: Category[];
  targetGroups: TargetGroup[];
  legal?: string;
  /** Suits any target group, so "… für Jugendliche" or "… für Senior*innen" reads naturally. */
  open?: true;
}

export const TOPICS: readonly Topic[] = [
  {
    name: 'Schuldnerberatung',
    sentence: 'Hilfe bei Mahnungen, Pfändung und Ratenplänen.',
    categories: ['schulden', 'beratung'],
    targetGroups: ['familien', 'langzeitarbeitslose'],
    legal: '§16a SGB II',
    open: true,
  },
  {
    name: 'Sprachcafé',
    sentence: 'Deutsch üben im Gespräch, ohne Kurs und ohne Noten.',
    categories: ['sprache', 'begegnung'],
    targetGroups: ['fluchthintergrund'],
    open: true,
  },
  {
    name: 'Erwerbslosenberatung',
    sentence: 'Wir prüfen Bescheide und helfen beim Widerspruch.',
    categories: ['beratung', 'arbeit'],
    targetGroups: ['langzeitarbeitslose'],
    open: true,
  },
  {
    name: 'Bewerbungswerkstatt',
    sentence: 'Lebenslauf, Anschreiben und Online-Bewerbung mit Unterstützung.',
    categories: ['arbeit', 'qualifizierung'],
    targetGroups: ['langzeitarbeitslose', 'jugendliche'],
    open: true,
  },
  {
    name: 'Jobcenter-Sprechstunde vor Ort',
    sentence: 'Fragen zum Bürgergeld direkt im Quartier klären.',
    categories: ['arbeit', 'beratung'],
    targetGroups: ['langzeitarbeitslose', 'grosse-bg'],
    legal: 'SGB II',
  },
  {
    name: 'Geförderte Beschäftigung',
    sentence: 'Sozialversicherungspflichtige Arbeit mit begleitendem Coaching.',
    categories: ['arbeit'],
    targetGroups: ['langzeitarbeitslose'],
    legal: '§16i SGB II',
  },
  {
    name: 'Arbeitsgelegenheit im Quartier',
    sentence: 'Sinnvolle Tätigkeit mit Mehraufwandsentschädigung.',
    categories: ['arbeit', 'qualifizierung'],
    targetGroups: ['langzeitarbeitslose'],
    legal: '§16d SGB II',
  },
  {
    name: 'Berufsorientierung',
    sentence: 'Welche Ausbildung passt zu mir? Wir finden es gemeinsam heraus.',
    categories: ['schule-beruf'],
    targetGroups: ['jugendliche'],
    legal: '§33 SGB III',
  },
  {
    name: 'Ausbildungsbegleitung',
    sentence: 'Unterstützung, wenn es in Betrieb oder Berufsschule hakt.',
    categories: ['schule-beruf', 'qualifizierung'],
    targetGroups: ['jugendliche'],
  },
  {
    name: 'Aufsuchende Jugendhilfe',
    sentence: 'Wir kommen dorthin, wo junge Menschen sich aufhalten.',
    categories: ['beratung', 'schule-beruf'],
    targetGroups: ['jugendliche', 'unerreichte'],
    legal: '§16h SGB II',
  },
  {
    name: 'Integrationskurs',
    sentence: 'Deutsch bis B1 und Orientierungskurs.',
    categories: ['sprache'],
    targetGroups: ['fluchthintergrund'],
    legal: '§43 AufenthG',
  },
  {
    name: 'Migrationsberatung',
    sentence: 'Aufenthalt, Familiennachzug und Anerkennung von Abschlüssen.',
    categories: ['migration', 'beratung'],
    targetGroups: ['fluchthintergrund'],
    open: true,
  },
  {
    name: 'Anerkennungsberatung',
    sentence: 'Welche Stelle erkennt meinen ausländischen Abschluss an?',
    categories: ['migration', 'qualifizierung'],
    targetGroups: ['fluchthintergrund'],
    legal: 'BQFG',
  },
  {
    name: 'Kinderbetreuung mit Elterncafé',
    sentence: 'Die Kinder spielen, die Eltern trinken Kaffee und tauschen sich aus.',
    categories: ['kinderbetreuung', 'begegnung'],
    targetGroups: ['familien', 'alleinerziehende'],
  },
  {
    name: 'Kita-Platz-Beratung',
    sentence: 'Hilfe bei der Anmeldung im Kita-Portal.',
    categories: ['kinderbetreuung', 'beratung'],
    targetGroups: ['familien', 'alleinerziehende'],
    legal: '§24 SGB VIII',
  },
  {
    name: 'Familiencoaching',
    sentence: 'Ein Coach für die ganze Familie, auch zu Hause.',
    categories: ['beratung', 'arbeit'],
    targetGroups: ['grosse-bg', 'familien'],
    legal: '§16k SGB II',
  },
  {
    name: 'Hausaufgabenhilfe',
    sentence: 'Ehrenamtliche helfen Schulkindern beim Lernen.',
    categories: ['schule-beruf', 'kinderbetreuung'],
    targetGroups: ['familien'],
  },
  {
    name: 'Wohnungsnotfallhilfe',
    sentence: 'Hilfe bei Mietschulden, Kündigung und Räumungsklage.',
    categories: ['wohnen', 'schulden'],
    targetGroups: ['wohnungslose', 'familien'],
    legal: '§67 SGB XII',
  },
  {
    name: 'Mieterberatung',
    sentence: 'Fragen zu Nebenkosten, Schimmel und Mietvertrag.',
    categories: ['wohnen', 'beratung'],
    targetGroups: ['familien', 'seniorinnen'],
    open: true,
  },
  {
    name: 'Tagesaufenthalt',
    sentence: 'Frühstück, Dusche, Waschmaschine und Postadresse.',
    categories: ['nahversorgung', 'wohnen'],
    targetGroups: ['wohnungslose'],
  },
  {
    name: 'Tafel-Ausgabe',
    sentence: 'Lebensmittel für einen symbolischen Beitrag.',
    categories: ['nahversorgung'],
    targetGroups: ['familien', 'seniorinnen'],
    open: true,
  },
  {
    name: 'Kleiderkammer',
    sentence: 'Gut erhaltene Kleidung und Schuhe für alle, die sie brauchen.',
    categories: ['nahversorgung'],
    targetGroups: ['familien', 'fluchthintergrund'],
    open: true,
  },
  {
    name: 'Mittagstisch',
    sentence: 'Warmes Mittagessen in Gesellschaft zum kleinen Preis.',
    categories: ['nahversorgung', 'begegnung'],
    targetGroups: ['seniorinnen', 'unerreichte'],
    open: true,
  },
  {
    name: 'Seniorentreff',
    sentence: 'Kaffee, Karten, Gedächtnistraining und Ausflüge.',
    categories: ['begegnung'],
    targetGroups: ['seniorinnen'],
  },
  {
    name: 'Pflegeberatung',
    sentence: 'Pflegegrad, Entlastungsbetrag und Hilfen für Angehörige.',
    categories: ['gesundheit', 'beratung'],
    targetGroups: ['seniorinnen'],
    legal: '§7a SGB XI',
  },
  {
    name: 'Gesundheitssprechstunde',
    sentence: 'Ärztliche Beratung, auch ohne Krankenversicherung.',
    categories: ['gesundheit'],
    targetGroups: ['unerreichte', 'wohnungslose'],
    open: true,
  },
  {
    name: 'Suchtberatung',
    sentence: 'Anonyme Beratung für Betroffene und Angehörige.',
    categories: ['gesundheit', 'beratung'],
    targetGroups: ['unerreichte', 'langzeitarbeitslose'],
    open: true,
  },
  {
    name: 'Nachbarschaftstreff',
    sentence: 'Begegnung, Tauschregal und Leute zum Reden.',
    categories: ['begegnung'],
    targetGroups: ['unerreichte', 'seniorinnen'],
    open: true,
  },
  {
    name: 'Stadtteilmütter-Besuche',
    sentence: 'Frauen aus dem Quartier besuchen Familien in ihrer Sprache.',
    categories: ['kinderbetreuung', 'migration'],
    targetGroups: ['familien', 'fluchthintergrund'],
  },
  {
    name: 'Teilqualifizierung',
    sentence: 'Abschluss in Modulen, mit Praktikum in regionalen Betrieben.',
    categories: ['qualifizierung', 'arbeit'],
    targetGroups: ['langzeitarbeitslose', 'alleinerziehende'],
    legal: '§81 SGB III',
    open: true,
  },
  {
    name: 'Energieschuldenberatung',
    sentence: 'Strom- oder Gassperre abwenden, Raten verhandeln.',
    categories: ['schulden', 'wohnen'],
    targetGroups: ['familien', 'grosse-bg'],
    open: true,
  },
  {
    name: 'Bildung-und-Teilhabe-Antragshilfe',
    sentence: 'Geld für Klassenfahrt, Mittagessen und Sportverein beantragen.',
    categories: ['beratung', 'kinderbetreuung'],
    targetGroups: ['familien', 'grosse-bg'],
    legal: '§28 SGB II',
  },
];

export const QUALIFIERS: readonly { text: string; targetGroup?: TargetGroup }[] = [
  { text: '' },
  { text: '' },
  { text: ' im Quartier' },
  { text: ' – offene Sprechstunde' },
  { text: ' für Alleinerziehende', targetGroup: 'alleinerziehende' },
  { text: ' für Jugendliche', targetGroup: 'jugendliche' },
  { text: ' für Senior*innen', targetGroup: 'seniorinnen' },
  { text: ' für Geflüchtete', targetGroup: 'fluchthintergrund' },
  { text: ' mit Kinderbetreuung', targetGroup: 'familien' },
  { text: ' (mehrsprachig)' },
  { text: ' am Nachmittag' },
  { text: ' im Stadtteilzentrum' },
];

export const DESCRIPTION_TAILS = [
  'Kommen Sie einfach vorbei – eine Anmeldung ist nicht nötig.',
  'Wir nehmen uns Zeit und beraten vertraulich.',
  'Bringen Sie bitte Ihre Unterlagen mit, falls vorhanden.',
  'Kinder dürfen gern mitkommen.',
  'Auf Wunsch besuchen wir Sie auch zu Hause.',
  'Das Team spricht mehrere Sprachen.',
  'Das Angebot ist kostenlos.',
  'Fällt in den Schulferien aus.',
] as const;

export const FIRST_NAMES = [
  'Jürgen',
  'Sören',
  'Özlem',
  'Jörg',
  'Björn',
  'Käthe',
  'Günter',
  'Müge',
  'Ayşe',
  'Olena',
  'Małgorzata',
  'Dragan',
  'Fatma',
  'Mehmet',
  'Anna',
  'Lukas',
  'Leonie',
  'Reza',
  'Nour',
  'Ilse',
  'Bärbel',
  'Hüseyin',
  'Zoë',
  'Jens',
  'Sabine',
  'Mariusz',
  'Ioana',
  'Dimitar',
  'Amira',
  'Tobias',
] as const;

export const LAST_NAMES = [
  'Müller',
  'Schäfer',
  'Köhler',
  'Großmann',
  'Brüggemann',
  'Kühn',
  'Yılmaz',
  'Öztürk',
  'Kowalski',
  'Nowak',
  'Petrović',
  'Popescu',
  'Schröder',
  'Weißenfels',
  'Hölscher',
  'Dönmez',
  'Krämer',
  'Schütte',
  'Lübbert',
  'Al-Khatib',
  'Hosseini',
  'Jäger',
  'Förster',
  'Ivanova',
  'Strauß',
] as const;

export const CONTACT_TITLES = [
  'Sozialarbeiterin',
  'Sozialberater',
  'Koordination',
  'Integrationsfachkraft',
  'Quartiersmanagerin',
  'Projektleitung',
  'Beraterin',
  'Ehrenamtskoordination',
  'Schuldnerberater',
  'Familienhelferin',
] as const;

export const EXTRA_LANGUAGES = [
  'en',
  'ar',
  'tr',
  'ru',
  'uk',
  'fa',
  'ku',
  'pl',
  'ro',
  'bg',
  'ti',
  'so',
  'sq',
  'fr',
] as const;

/** "Müller-Brügge & Söhne" -> "mueller-bruegge-soehne": e-mail domains must stay ASCII. */
export function asciiSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
