/**
 * The German texts of the push protocol: what a coordinator reads when the server (or the
 * editor, which validates with the same code) refuses something. Codes stay machine-
 * readable; only the messages live here.
 */
import { de } from 'zod/locales';
import type { Reference, TableName } from '../src/model';
import { MAX_VALUE_CHARS, MAX_VALUE_DEPTH, type ValueProblem } from './limits';
import type { FieldError } from './push';

// Built on first use: the zod locale is only needed once something is validated.
let germanErrorMap: ReturnType<typeof de>['localeError'] | undefined;
/** zod's German messages, for every schema check of records and mutations. */
export const germanErrors = () => {
  germanErrorMap ??= de().localeError;
  return germanErrorMap;
};

export const VALUE_MESSAGES: Record<ValueProblem, string> = {
  too_deep: `Der Wert ist zu tief verschachtelt (höchstens ${MAX_VALUE_DEPTH} Ebenen)`,
  too_large: `Der Wert ist zu groß (höchstens ${MAX_VALUE_CHARS} Zeichen)`,
  invalid_characters: 'Enthält unzulässige Steuerzeichen (z. B. NUL)',
};

/** Messages of the checks in check.ts and rights.ts; `name` is already made safe to show. */
export const MESSAGES = {
  opaqueId: '1 bis 200 sichtbare ASCII-Zeichen erwartet',
  badChars: 'Unzulässige Steuerzeichen',
  unknownField: (name: string) => `Unbekanntes Feld „${name}“`,
  unknownTable: (name: string) => `Unbekannte Tabelle „${name}“`,
  invalidId: 'Die ID muss eine UUID sein',
  readOnly: (field: string) => `Das Feld „${field}“ setzt der Server`,
  unauthenticated: 'Bitte zuerst anmelden',
  appendOnly: 'Verweise können nur neu angelegt, nicht geändert oder gelöscht werden',
  forbidden: 'Diese Änderung ist nur Koordinator*innen erlaubt',
} as const;

const MISSING_TARGET: { readonly [T in TableName]?: string } = {
  organizations: 'Den gewählten Träger gibt es nicht (mehr)',
  locations: 'Den gewählten Ort gibt es nicht (mehr)',
  services: 'Das gewählte Angebot gibt es nicht (mehr)',
};

/** The error for a reference to a record that does not exist or was deleted. */
export function unknownReference(ref: Reference): FieldError {
  return {
    field: ref.field,
    code: 'unknown_reference',
    message: MISSING_TARGET[ref.table] ?? 'Der verknüpfte Eintrag existiert nicht (mehr)',
  };
}
