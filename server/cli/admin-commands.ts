import { parseArgs } from 'node:util';
import { ROLES } from '../../protocol';
import { generatePassword } from '../auth/password';
import { addUser, disableUser, enableUser, listUsers, setPassword, UserError } from '../auth/users';
import { readConfig } from '../config';
import { type Db, describeDb, openDb } from '../db';
import { DataDirInUseError } from '../db/dir-lock';
import { EXPORT_FORMATS, isExportFormat, runExport } from '../export/command';
import { type HousekeepingCounts, runHousekeeping } from '../housekeeping';
import { runImport } from '../import/command';
import { migrate } from '../migrate';
import { backupCommand, restoreCommand } from './backup-commands';

export const USAGE = `Benutzerverwaltung und Wartung des Quartier-Wegweisers

  npm run admin -- user add --email E --role R [--password P]
  npm run admin -- user list
  npm run admin -- user disable --email E
  npm run admin -- user enable --email E
  npm run admin -- user password --email E [--password P]
  npm run admin -- housekeeping
  npm run admin -- backup DATEI        (DATEI.gz wird gepackt)
  npm run admin -- restore DATEI
  npm run admin -- import DATEI|ORDNER [--commit] [--mapping F] [--quartiere F]… [--source NAME]
  npm run admin -- export DATEI --format hsds|hsds-csv|xlsx [--include-internal]

Rollen: ${ROLES.join(', ')} (admin verwaltet Konten und darf alles, was coordinator darf;
coordinator bearbeitet und veröffentlicht; worker liest interne Einträge und legt Verweise an).
Ohne --password wird ein Passwort erzeugt und einmal angezeigt.
housekeeping räumt einmal auf, wie es der Server alle 6 Stunden tut: abgelaufene Sitzungen,
alte Fehlanmeldungen, Push-Quittungen älter als PROCESSED_RETENTION_DAYS (Standard 90) und
Änderungsprotokoll älter als AUDIT_RETENTION_DAYS (Standard 730, 0 = unbegrenzt).
backup sichert alle Daten (auch im laufenden Betrieb, als JSON-Zeilen); restore spielt eine
Sicherung in eine LEERE Datenbank ein (PGlite und PostgreSQL in beide Richtungen).
Datenbank wie beim Server: DATABASE_URL (PostgreSQL) oder DATA_DIR (eingebettet, Standard ./data).
import liest HSDS 3.0 JSON, HSDS-Datenpakete 1.1/3.0 (Ordner oder .zip), CSV und die Vorlage
(.xlsx, oder CSV-Dateien wie Angebote.csv); ohne --commit
ein Probelauf (Exit 0 = übernehmbar, 1 = Fehler). --mapping ordnet Begriffe Kategorien und
Zielgruppen zu, --quartiere (GeoJSON, PLZ-/Ort-Liste) weist Orten ihr Quartier zu.
export schreibt alle Angebote als HSDS 3.0: hsds = JSON-Liste (service_list), hsds-csv =
Datenpaket (Ordner, oder .zip bei DATEI.zip), xlsx = die Tabellen-Vorlage, ausgefüllt (aus
leerer Datenbank: mit Beispielzeilen). Interne Einträge nur mit --include-internal.
Die eingebettete Datenbank kann nur bei gestopptem Server bearbeitet werden (backup geht auch
bei laufendem Server: der Server schreibt die Sicherung dann selbst).`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Exit codes: 0 ok, 1 the command failed (also: restore into a database that is not empty),
 * 2 usage error or database busy.
 */
export async function runAdmin(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: Io = consoleIo,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [group, command, positionalEmail] = positionals;
  const housekeeping = group === 'housekeeping';
  const backup = group === 'backup' || group === 'restore';
  const importing = group === 'import';
  const exporting = group === 'export';
  if (
    values.help ||
    !(housekeeping || backup || importing || exporting || (group === 'user' && command))
  ) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const email = values.email ?? positionalEmail;
  const importOnly = values.commit || values.mapping || values.quartiere || values.source;
  if (importOnly && !importing) {
    io.err(`--commit, --mapping, --quartiere und --source gibt es nur bei import.\n\n${USAGE}`);
    return 2;
  }
  const exportOnly = values.format !== undefined || values['include-internal'];
  if (exportOnly && !exporting) {
    io.err(`--format und --include-internal gibt es nur bei export.\n\n${USAGE}`);
    return 2;
  }
  if (exporting) {
    if (!command || positionals.length > 2 || values.email || values.role || values.password) {
      io.err(`Bitte genau eine Zieldatei angeben: npm run admin -- export DATEI\n\n${USAGE}`);
      return 2;
    }
    if (!isExportFormat(values.format)) {
      io.err(
        `Bitte --format angeben: ${EXPORT_FORMATS.join(', ')}${values.format ? ` (nicht „${values.format}“)` : ''}.\n\n${USAGE}`,
      );
      return 2;
    }
  } else if (importing) {
    if (!command || positionals.length > 2 || values.email || values.role || values.password) {
      io.err(
        `Bitte genau eine Datei oder einen Ordner angeben: npm run admin -- import DATEI\n\n${USAGE}`,
      );
      return 2;
    }
  } else if (backup) {
    if (!command || positionals.length > 2 || values.email || values.role || values.password) {
      io.err(`Bitte genau eine Datei angeben: npm run admin -- ${group} DATEI\n\n${USAGE}`);
      return 2;
    }
  } else if (housekeeping) {
    if (positionals.length > 1 || values.email || values.role || values.password) {
      io.err(`housekeeping hat keine weiteren Angaben.\n\n${USAGE}`);
      return 2;
    }
  } else if (command) {
    const needsEmail = ['add', 'disable', 'enable', 'password'].includes(command);
    if (!['add', 'list', 'disable', 'enable', 'password'].includes(command)) {
      io.err(`Unbekannter Befehl „user ${command}“.\n\n${USAGE}`);
      return 2;
    }
    if (needsEmail && !email) {
      io.err(`Bitte --email angeben.\n\n${USAGE}`);
      return 2;
    }
    if (command === 'add' && !values.role) {
      io.err(`Bitte --role angeben (${ROLES.join(', ')}).\n\n${USAGE}`);
      return 2;
    }
  }

  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(env);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  if (backup && command) {
    return group === 'backup'
      ? backupCommand(command, config, io)
      : restoreCommand(command, config, io);
  }
  const dbEnv = { DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir };
  let db: Db;
  try {
    db = await openDb(dbEnv);
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      io.err(
        `Die eingebettete Datenbank in ${err.dir} wird gerade vom laufenden Server ` +
          `(Prozess ${err.pid}) benutzt. Damit nichts beschädigt wird, ändert dieses Werkzeug ` +
          'sie nur bei gestopptem Server: bitte den Server beenden (Strg+C) und den Befehl ' +
          'erneut ausführen. Mit PostgreSQL (DATABASE_URL) geht es auch im laufenden Betrieb.',
      );
      return 2;
    }
    throw err;
  }
  try {
    await migrate(db);
    if (housekeeping) {
      const counts = await runHousekeeping(db, {
        processedRetentionDays: config.processedRetentionDays,
        auditRetentionDays: config.auditRetentionDays,
      });
      io.out(`Aufgeräumt in ${describeDb(dbEnv)}, gelöschte Zeilen:`);
      for (const line of housekeepingReport(counts, config)) io.out(`  ${line}`);
      return 0;
    }
    if (importing) {
      const outcome = await runImport(db, {
        path: command ?? '',
        commit: values.commit === true,
        ...(values.mapping ? { mapping: values.mapping } : {}),
        ...(values.quartiere ? { quartiere: values.quartiere } : {}),
        ...(values.source ? { source: values.source } : {}),
      });
      for (const line of outcome.lines) (outcome.code === 0 ? io.out : io.err)(line);
      return outcome.code;
    }
    if (exporting && isExportFormat(values.format)) {
      const outcome = await runExport(db, {
        path: command ?? '',
        format: values.format,
        includeInternal: values['include-internal'] === true,
      });
      for (const line of outcome.lines) (outcome.code === 0 ? io.out : io.err)(line);
      return outcome.code;
    }
    switch (command) {
      case 'add': {
        const password = values.password ?? generatePassword();
        const user = await addUser(db, { email: email ?? '', role: values.role ?? '', password });
        io.out(`Konto angelegt: ${user.email} (${user.role}) in ${describeDb(dbEnv)}`);
        if (!values.password) io.out(`Passwort (wird nur jetzt angezeigt): ${password}`);
        return 0;
      }
      case 'list': {
        const users = await listUsers(db);
        if (users.length === 0) {
          io.out('Noch keine Konten. Anlegen mit: npm run admin -- user add --email E --role R');
          return 0;
        }
        const width = Math.max(6, ...users.map((u) => u.email.length));
        io.out(`${'E-Mail'.padEnd(width)}  ${'Rolle'.padEnd(11)}  ${'Status'.padEnd(9)}  angelegt`);
        for (const u of users) {
          const status = u.disabledAt ? 'gesperrt' : 'aktiv';
          const demo = u.demo ? '  (Demo)' : '';
          io.out(
            `${u.email.padEnd(width)}  ${u.role.padEnd(11)}  ${status.padEnd(9)}  ${u.createdAt.slice(0, 10)}${demo}`,
          );
        }
        return 0;
      }
      case 'disable': {
        const user = await disableUser(db, email ?? '');
        io.out(`Konto gesperrt, alle Anmeldungen beendet: ${user.email}`);
        return 0;
      }
      case 'enable': {
        const user = await enableUser(db, email ?? '');
        io.out(`Konto wieder freigegeben: ${user.email}`);
        return 0;
      }
      default: {
        const password = values.password ?? generatePassword();
        await setPassword(db, email ?? '', password);
        io.out(`Passwort geändert, alle Anmeldungen beendet: ${email}`);
        if (!values.password) io.out(`Neues Passwort (wird nur jetzt angezeigt): ${password}`);
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof UserError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/** One line per table: name, count, what went (German, for the operator). */
function housekeepingReport(
  counts: HousekeepingCounts,
  config: { processedRetentionDays: number; auditRetentionDays: number },
): string[] {
  const kept = (days: number, what: string) =>
    days === 0 ? `${what}: unbegrenzt aufbewahrt` : `${what} älter als ${days} Tage`;
  const rows: [keyof HousekeepingCounts, string][] = [
    ['sessions', 'Sitzungen, seit mehr als 1 Tag abgelaufen'],
    ['login_failures', 'Fehlanmeldungen älter als 1 Tag, ohne aktive Sperre'],
    ['processed_mutations', kept(config.processedRetentionDays, 'Push-Quittungen')],
    ['audit_log', kept(config.auditRetentionDays, 'Änderungsprotokoll')],
  ];
  const width = Math.max(...rows.map(([t]) => t.length));
  const digits = Math.max(...rows.map(([t]) => String(counts[t]).length));
  return rows.map(
    ([t, what]) => `${t.padEnd(width)}  ${String(counts[t]).padStart(digits)}  (${what})`,
  );
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      commit: { type: 'boolean' },
      mapping: { type: 'string' },
      quartiere: { type: 'string', multiple: true },
      source: { type: 'string' },
      format: { type: 'string' },
      'include-internal': { type: 'boolean' },
    },
  });
}
