/** Träger of the demo city Emscherhagen (fictional; any likeness to real bodies is generic). */
import type { OrganizationSpec } from './spec';

export const ORGANIZATIONS = {
  jobcenter: {
    name: 'Jobcenter Emscherhagen',
    description:
      'Gemeinsame Einrichtung von Stadt und Agentur für Arbeit. Zuständig für Bürgergeld, Vermittlung und Förderung nach dem SGB II – mit Sprechstunden direkt in den Quartieren.',
    email: 'kontakt@jobcenter-emscherhagen.example',
    website: 'https://www.jobcenter-emscherhagen.example',
    phone: '02390 8850-0',
  },
  sozialamt: {
    name: 'Stadt Emscherhagen – Amt für Soziales und Wohnen',
    description:
      'Grundsicherung, Bildung und Teilhabe, Wohnungsnotfallhilfe und Sozialplanung der Stadt Emscherhagen.',
    email: 'soziales@emscherhagen.example',
    website: 'https://www.emscherhagen.example/soziales',
    phone: '02390 77-5000',
  },
  jugendamt: {
    name: 'Stadt Emscherhagen – Jugendamt',
    description:
      'Bezirkssozialdienst, Frühe Hilfen und Kindertagesbetreuung. Ansprechbar für Familien in allen Lebenslagen.',
    email: 'jugendamt@emscherhagen.example',
    website: 'https://www.emscherhagen.example/jugendamt',
    phone: '02390 77-5100',
  },
  gesundheitsamt: {
    name: 'Stadt Emscherhagen – Gesundheitsamt',
    description:
      'Kinder- und Jugendgesundheitsdienst, Impfberatung und sozialmedizinische Sprechstunden.',
    email: 'gesundheitsamt@emscherhagen.example',
    phone: '02390 77-5300',
  },
  ki: {
    name: 'Kommunales Integrationszentrum Emscherhagen',
    description:
      'Welcome Center, Kommunales Integrationsmanagement (KIM) und Koordination der Sprach- und Kulturmittlung.',
    email: 'ki@emscherhagen.example',
    website: 'https://www.emscherhagen.example/integration',
    phone: '02390 77-5400',
  },
  jba: {
    name: 'Jugendberufsagentur Emscherhagen',
    description:
      'Agentur für Arbeit, Jobcenter und Jugendamt unter einem Dach: Berufsorientierung, Ausbildungssuche und Hilfe beim Übergang Schule–Beruf.',
    email: 'jba@jobcenter-emscherhagen.example',
    website: 'https://www.jba-emscherhagen.example',
    phone: '02390 8850-700',
  },
  sqz: {
    name: 'Sprach- und Qualifizierungszentrum Emscherhagen gGmbH',
    description:
      'Integrationskurse, Berufssprachkurse und Teilqualifizierungen – auf Wunsch mit Kinderbetreuung.',
    email: 'info@sqz-emscherhagen.example',
    website: 'https://www.sqz-emscherhagen.example',
    phone: '02390 46 21 00',
  },
  vhs: {
    name: 'Volkshochschule Emscherhagen',
    description: 'Weiterbildung für alle: Sprachen, Grundbildung, digitale Kompetenzen.',
    email: 'vhs@emscherhagen.example',
    website: 'https://www.vhs-emscherhagen.example',
    phone: '02390 77-6200',
  },
  caritas: {
    name: 'Caritasverband Emscherhagen e. V.',
    description:
      'Migrationsberatung, Schuldnerberatung, Suchthilfe und Familiencoaching im ganzen Stadtgebiet.',
    email: 'info@caritas-emscherhagen.example',
    website: 'https://www.caritas-emscherhagen.example',
    phone: '02390 95 40-0',
  },
  diakonie: {
    name: 'Diakonie Emscherhagen e. V.',
    description: 'Flüchtlingsberatung, Erziehungsberatung und Hilfen für Menschen in Wohnungsnot.',
    email: 'kontakt@diakonie-emscherhagen.example',
    website: 'https://www.diakonie-emscherhagen.example',
    phone: '02390 93 12-0',
  },
  awo: {
    name: 'AWO Ortsverein Emscherhagen e. V.',
    description:
      'Begegnungsstätten, Jugendmigrationsdienst und Seniorenarbeit in Schachtheide und Emscherau.',
    email: 'info@awo-emscherhagen.example',
    phone: '02390 44 87 10',
  },
  drk: {
    name: 'DRK-Kreisverband Emscherhagen e. V.',
    description: 'Kleiderkammer, Besuchsdienste, Erste-Hilfe-Kurse und Gesundheitsangebote.',
    email: 'kreisverband@drk-emscherhagen.example',
    phone: '02390 55 19-0',
  },
  tafel: {
    name: 'Emscherhagener Tafel e. V.',
    description:
      'Ehrenamtliche retten Lebensmittel und geben sie an Menschen mit wenig Geld weiter.',
    email: 'tafel@emscherhagener-tafel.example',
    phone: '02390 61 70 22',
  },
  quartiersmanagement: {
    name: 'Quartiersmanagement Hüttenfeld-Nord',
    description:
      'Stadtteilbüro im Programm Sozialer Zusammenhalt: Anlaufstelle, Verweisberatung und Nachbarschaftsprojekte.',
    email: 'quartiersbuero@emscherhagen.example',
    phone: '02390 77-8810',
  },
  mgh: {
    name: 'Mehrgenerationenhaus Schachtheide e. V.',
    description:
      'Offener Treffpunkt für Jung und Alt mit Mittagstisch, Sprachcafé und Nachbarschaftshilfe.',
    email: 'hallo@mgh-schachtheide.example',
    website: 'https://www.mgh-schachtheide.example',
    phone: '02390 38 45 60',
  },
  stz: {
    name: 'Stadtteilzentrum Morgensonne e. V.',
    description:
      'Bürgerverein und Träger des Stadtteilzentrums in der ehemaligen Lohnhalle der Zeche Morgensonne.',
    email: 'info@stz-morgensonne.example',
    phone: '02390 29 31 40',
  },
  werkhof: {
    name: 'Werkhof Emscher gGmbH',
    description:
      'Beschäftigungs- und Qualifizierungsträger: geförderte Arbeit nach §16i und §16e SGB II, Sozialkaufhaus und Dienstleistungspool.',
    email: 'info@werkhof-emscher.example',
    website: 'https://www.werkhof-emscher.example',
    phone: '02390 67 88-0',
  },
  gruenwerk: {
    name: 'Grünwerk Quartier gGmbH',
    description:
      'Garten- und Landschaftspflege im Quartier als Beschäftigungsprojekt „aus dem Quartier für das Quartier“.',
    email: 'team@gruenwerk-quartier.example',
    phone: '02390 67 12 90',
  },
  alz: {
    name: 'Arbeitslosenzentrum Emscherhagen e. V.',
    description: 'Unabhängige Erwerbslosenberatung und Treffpunkt seit 1987.',
    email: 'beratung@alz-emscherhagen.example',
    phone: '02390 21 43 65',
  },
  evgemeinde: {
    name: 'Ev. Kirchengemeinde Hüttenfeld',
    description: 'Gemeindehaus mit Hausaufgabenhilfe, Tafel-Ausgabe und offenem Café.',
    email: 'gemeindebuero@ev-huettenfeld.example',
    phone: '02390 40 11 22',
  },
  stbarbara: {
    name: 'Kath. Pfarrei St. Barbara Emscherhagen',
    description: 'Pfarrheim und Caritas-Ehrenamt in Schachtheide und Morgensonne.',
    email: 'pfarrbuero@st-barbara-emscherhagen.example',
    phone: '02390 40 77 30',
  },
  kulturverein: {
    name: 'Türkisch-Islamischer Kulturverein Schachtheide e. V.',
    description:
      'Moscheegemeinde und Kulturverein mit Sozialberatung, Hausaufgabenhilfe und Frauengruppe.',
    email: 'vorstand@kulturverein-schachtheide.example',
    phone: '02390 36 52 17',
  },
  brueckenschlag: {
    name: 'Brückenschlag – Verein für Zugewanderte aus Südosteuropa e. V.',
    description:
      'Beratung und Begleitung auf Rumänisch, Bulgarisch und Romanes – von der Anmeldung bis zum Arbeitsvertrag.',
    email: 'kontakt@brueckenschlag-ev.example',
    phone: '02390 58 03 44',
  },
  frauenzentrum: {
    name: 'Interkulturelles Frauenzentrum Lale e. V.',
    description:
      'Treffpunkt, Beratung und Kurse für Frauen aller Herkünfte; Träger der Stadtteilmütter.',
    email: 'info@frauenzentrum-lale.example',
    phone: '02390 27 66 81',
  },
  kita: {
    name: 'Kita-Verbund Emscherhagen (Städtische Familienzentren)',
    description:
      'Städtische Kindertageseinrichtungen und Familienzentren mit Sprechstunden für Eltern.',
    email: 'kita-verbund@emscherhagen.example',
    phone: '02390 77-5150',
  },
  seniorennetz: {
    name: 'Netzwerk Älterwerden Emscherau e. V.',
    description: 'Seniorenbüro, Besuchsdienst und Digitalhilfe für ältere Menschen.',
    email: 'seniorenbuero@netzwerk-emscherau.example',
    phone: '02390 33 09 50',
  },
  wohnen: {
    name: 'Wohnen an der Emscher eG',
    description:
      'Wohnungsgenossenschaft mit rund 3.000 Wohnungen; Sozialmanagement und Mietertreffs in den Quartieren.',
    email: 'sozialmanagement@wohnen-emscher.example',
    website: 'https://www.wohnen-emscher.example',
    phone: '02390 80 60-0',
  },
  gefaehrdetenhilfe: {
    name: 'Verein für Gefährdetenhilfe Emscherhagen e. V.',
    description:
      'Tagesaufenthalt, Postadresse, Straßensozialarbeit und Notschlafstelle für wohnungslose Menschen.',
    email: 'anlaufstelle@gefaehrdetenhilfe.example',
    phone: '02390 19 73 00',
  },
  verbraucher: {
    name: 'Verbraucherberatung Emscherhagen',
    description:
      'Energieschulden, Verträge, P-Konto: unabhängige Beratung für Verbraucherinnen und Verbraucher.',
    email: 'emscherhagen@verbraucherberatung.example',
    phone: '02390 51 20 80',
  },
  djk: {
    name: 'DJK Morgensonne 1921 e. V.',
    description: 'Sportverein mit offenen Bewegungsangeboten und Mitternachtssport.',
    email: 'info@djk-morgensonne.example',
    phone: '02390 29 88 10',
  },
} as const satisfies Record<string, OrganizationSpec>;

export type OrgKey = keyof typeof ORGANIZATIONS;
