/**
 * `npm run admin -- user add|list|disable|enable|password …` and
 * `npm run admin -- housekeeping|backup F|restore F` (see admin-commands.ts).
 */
import { runAdmin } from './admin-commands';

runAdmin(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('Fehler:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
