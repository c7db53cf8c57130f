/**
 * The spreadsheet template: German column headers, one sheet per table. The reader
 * (read.ts) and the writer (write.ts) both take the sheets and columns from here, so a
 * column added here is read and written alike, and explained on the sheet "Erläuterungen".
 */
import type { TRANSLATED_FIELDS } from '../../src/model';

export interface Column {
  header: string;
  help: string;
  example: string;
  required?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
}

const col = (header: string, help: string, example: string, required = false): Column => ({
  header,
  help,
  example,
  required,
});

const VISIBILITY = col(
  'Sichtbarkeit',
  '„öffentlich“ (leer) oder „intern“: interne Einträge sehen nur angemeldete Fachkräfte.',
  '',
);

export const SHEETS = {
  organizations: {
    name: 'Träger',
    columns: [
      col('ID', 'Eigene, feste Kennung des Trägers (bleibt bei jedem Import gleich).', 'T1', true),
      col('Name', 'Name des Trägers.', 'Stadtteilverein Nord e. V.', true),
      col('Beschreibung', 'Kurze Beschreibung.', 'Nachbarschaftsarbeit im Quartier'),
      col('E-Mail', 'Allgemeine E-Mail-Adresse.', 'info@verein.example'),
      col('Webseite', 'Mit https://.', 'https://verein.example'),
      col('Telefon', 'Allgemeine Telefonnummer.', '0201 123456'),
    ],
  },
  locations: {
    name: 'Orte',
    columns: [
      col('ID', 'Eigene, feste Kennung des Ortes.', 'O1', true),
      col('Träger-ID', 'ID aus dem Blatt „Träger“, falls der Ort einem Träger gehört.', 'T1'),
      col('Name', 'Name des Ortes.', 'Stadtteilbüro Nord', true),
      col('Beschreibung', 'Wie der Ort aussieht, wie man ihn findet.', 'Ladenlokal am Markt'),
      col('Straße und Hausnummer', 'Adresse.', 'Hauptstraße 5', true),
      col('PLZ', 'Fünfstellige Postleitzahl.', '45127', true),
      col('Ort', 'Stadt.', 'Essen', true),
      col('Quartier', 'Quartier oder Stadtteil (sonst nach Koordinaten, PLZ oder Ort).', 'Nord'),
      col('Breitengrad', 'Dezimalzahl, z. B. 51,45.', '51,4556'),
      col('Längengrad', 'Dezimalzahl, z. B. 7,01.', '7,0116'),
      col('Barrierefreiheit', 'Zugang, Aufzug, WC.', 'Stufenloser Eingang'),
      col('Anfahrt', 'Bus und Bahn.', 'Bus 154, Haltestelle Markt'),
      VISIBILITY,
    ],
  },
  services: {
    name: 'Angebote',
    columns: [
      col('ID', 'Eigene, feste Kennung des Angebots.', 'A1', true),
      col('Träger-ID', 'ID aus dem Blatt „Träger“.', 'T1', true),
      col('Name', 'Name des Angebots.', 'Offene Sozialberatung', true),
      col('Kurzname', 'Andere Bezeichnung, Abkürzung.', 'OSB'),
      col('Beschreibung', 'Was das Angebot bietet, in einfachen Worten.', 'Hilfe bei Anträgen'),
      col(
        'Zielgruppen',
        'Schlüssel, mit Komma getrennt (z. B. familien, seniorinnen, alleinerziehende).',
        'familien, alleinerziehende',
      ),
      col('Kategorien', 'Schlüssel, mit Komma getrennt (z. B. beratung, schulden).', 'beratung'),
      col(
        'Merkmale',
        'niedrigschwellig, aufsuchend, ohne-termin, kostenlos, anonym, barrierefrei.',
        'kostenlos, ohne-termin',
      ),
      col('Sprachen', 'Sprachcodes oder Namen, mit Komma getrennt.', 'de, tr, Arabisch'),
      col('Ort-IDs', 'IDs aus dem Blatt „Orte“, mit Komma getrennt.', 'O1'),
      col('Telefon', 'Telefonnummer des Angebots.', '0201 123457'),
      col('E-Mail', 'E-Mail-Adresse des Angebots.', 'beratung@verein.example'),
      col('Webseite', 'Mit https://.', ''),
      col('Status', '„aktiv“ (leer), „pausiert“ oder „beendet“.', 'aktiv'),
      col('Kosten', 'Was es kostet.', 'kostenlos'),
      col('Voraussetzungen', 'Wer kommen kann.', ''),
      col('Anmeldung', 'Wie man hinkommt.', 'Einfach vorbeikommen'),
      col('Rechtsgrundlage', 'z. B. SGB II.', ''),
      col('Zuletzt geprüft', 'Datum TT.MM.JJJJ.', '01.10.2026'),
      VISIBILITY,
    ],
  },
  schedules: {
    name: 'Sprechzeiten',
    columns: [
      col('ID', 'Eigene, feste Kennung der Sprechzeit.', 'S1', true),
      col('Angebot-ID', 'ID aus dem Blatt „Angebote“.', 'A1', true),
      col('Ort-ID', 'ID aus dem Blatt „Orte“, wenn die Zeit für einen Ort gilt.', 'O1'),
      col(
        'Zeiten',
        'In Worten: „Mo–Do 9–12 und 14–16“, „jeden letzten Mittwoch 15–17“, „14-täglich dienstags 10–12“. Was nicht lesbar ist, wird gemeldet, nie geraten.',
        'Mo–Do 9–12 und 14–16',
      ),
      col(
        'Regel',
        'Statt „Zeiten“: eine Regel nach RFC 5545, z. B. FREQ=MONTHLY;BYMONTHDAY=15, mit Beginn und Ende.',
        '',
      ),
      col('Beginn', 'Uhrzeit zur Regel, HH:MM.', ''),
      col('Ende', 'Uhrzeit zur Regel, HH:MM.', ''),
      col('Erster Termin', 'Datum, ab dem der Rhythmus zählt (für „14-täglich“).', ''),
      col('Gültig ab', 'Datum TT.MM.JJJJ.', ''),
      col('Gültig bis', 'Datum TT.MM.JJJJ.', ''),
      col('Fällt aus am', 'Daten, mit Komma getrennt.', '24.12.2026, 31.12.2026'),
      col('Zusätzlich am', 'Daten, mit Komma getrennt.', ''),
      col('An Feiertagen', '„geschlossen“ (leer) oder „geöffnet“.', ''),
      col('Hinweis', 'Kurzer Hinweis zu dieser Zeit.', 'Bitte klingeln'),
      VISIBILITY,
    ],
  },
  contacts: {
    name: 'Ansprechpersonen',
    columns: [
      col('ID', 'Eigene, feste Kennung.', 'K1', true),
      col('Angebot-ID', 'ID aus dem Blatt „Angebote“ (oder Träger-ID angeben).', 'A1'),
      col('Träger-ID', 'ID aus dem Blatt „Träger“, für Ansprechpersonen des Trägers.', ''),
      col('Name', 'Name oder Funktion.', 'Frau Yılmaz', true),
      col('Funktion', 'z. B. Sozialberatung.', 'Sozialberaterin'),
      col('Telefon', 'Direkte Nummer.', '0201 123458'),
      col('E-Mail', 'Direkte E-Mail-Adresse.', ''),
      col('Sprachen', 'Sprachcodes oder Namen, mit Komma getrennt.', 'de, tr'),
      col('Erreichbarkeit', 'Wann erreichbar.', 'Mo–Mi vormittags'),
      VISIBILITY,
    ],
  },
  translations: {
    name: 'Übersetzungen',
    columns: [
      col(
        'Blatt',
        'Das Blatt des Eintrags: Träger, Orte, Angebote, Sprechzeiten oder Ansprechpersonen.',
        'Angebote',
        true,
      ),
      col('ID', 'ID des Eintrags auf diesem Blatt.', 'A1', true),
      col(
        'Sprache',
        'Sprachcode: de-x-ls (Leichte Sprache), en, tr, ar, uk, ru, ro, bg, pl oder fa.',
        'en',
        true,
      ),
      col(
        'Spalte',
        'Welche Spalte übersetzt ist: Name oder Beschreibung; bei Ansprechpersonen Funktion oder Erreichbarkeit; bei Sprechzeiten Hinweis.',
        'Name',
        true,
      ),
      col('Text', 'Die Übersetzung.', 'Open social counselling', true),
      col(
        'Maschinell übersetzt',
        '„ja“, wenn eine Maschine übersetzt hat (die App zeigt dann einen Hinweis); sonst leer.',
        'ja',
      ),
    ],
  },
} as const satisfies Record<string, SheetSpec>;

export type SheetTable = keyof typeof SHEETS;
/** The sheets that hold records; the sheet of translations refers to them. */
export type RecordSheet = Exclude<SheetTable, 'translations'>;

/**
 * The column each translated field has on its record's sheet, which is what the sheet of
 * translations names in "Spalte".
 */
export const TRANSLATED_COLUMNS = {
  organizations: { name: 'Name', description: 'Beschreibung' },
  locations: { name: 'Name', description: 'Beschreibung' },
  services: { name: 'Name', description: 'Beschreibung' },
  contacts: { title: 'Funktion', availability: 'Erreichbarkeit' },
  schedules: { notes: 'Hinweis' },
} as const satisfies {
  [T in RecordSheet]: { [F in keyof (typeof TRANSLATED_FIELDS)[T]]: string };
};
export const SHEET_TABLES = Object.keys(SHEETS) as SheetTable[];

export const HELP_SHEET = 'Erläuterungen';

/** The table a sheet or CSV file of the template holds, by its name ("Angebote.csv" too). */
export function sheetTableOf(name: string): SheetTable | null {
  const n = name.trim().toLowerCase();
  return SHEET_TABLES.find((t) => SHEETS[t].name.toLowerCase() === n) ?? null;
}
