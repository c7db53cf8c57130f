/**
 * What a coordinator reads when the server (or the editor, which validates with the same
 * code) refuses something. Every error carries a stable `code` and a message `key` into the
 * catalogues' `validation` messages, with its `params`: a client shows it in the UI
 * language. The German text goes along as `message`, for API clients, the admin tool and
 * the import report, and comes from the same German catalogue.
 */
import type * as z from 'zod/mini';
import coordination from '../src/i18n/de.coordination.json' with { type: 'json' };
import { formatMessage, type MessageParams } from '../src/i18n/format';
import type { Reference, TableName } from '../src/model';
import { MAX_VALUE_CHARS, MAX_VALUE_DEPTH, type ValueProblem } from './limits';
import type { FieldError } from './push';

const GERMAN = coordination.validation;
export type ValidationKey = keyof typeof GERMAN;

export const isValidationKey = (s: unknown): s is ValidationKey =>
  typeof s === 'string' && Object.hasOwn(GERMAN, s);

/** The German text of a validation message. */
export function germanText(key: ValidationKey, params?: MessageParams): string {
  return formatMessage(GERMAN[key], params, 'de-DE');
}

/** An error with its code, message key, parameters and German text. */
export function fieldError(
  field: string,
  code: string,
  key: ValidationKey,
  params?: MessageParams,
): FieldError {
  // Only what the message says travels: a bound the text does not name is noise.
  const used = params && Object.entries(params).filter(([k]) => GERMAN[key].includes(`{${k}`));
  return {
    field,
    code,
    message: germanText(key, params),
    key,
    ...(used && used.length > 0 ? { params: Object.fromEntries(used) } : {}),
  };
}

/**
 * The message key of a zod issue: the schema's own (src/model names its checks by key), or
 * one for zod's generic checks, with the bound it broke.
 */
export function issueKey(issue: z.core.$ZodIssue): { key: ValidationKey; params?: MessageParams } {
  const params: MessageParams | undefined =
    issue.code === 'too_big'
      ? { max: Number(issue.maximum) }
      : issue.code === 'too_small'
        ? { min: Number(issue.minimum) }
        : undefined;
  if (isValidationKey(issue.message)) return { key: issue.message, params };
  switch (issue.code) {
    case 'too_big':
      return {
        key:
          issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooMany' : 'tooBig',
        params,
      };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { key: 'required' }
        : { key: 'tooSmall', params };
    case 'invalid_value':
      return { key: 'invalidOption', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'required' } : { key: 'invalidValue' };
    default:
      return { key: 'invalidValue' };
  }
}

/** For zod's own checks, so that their message is a key too (parse option `error`). */
export const keyedErrors = (issue: z.core.$ZodRawIssue): string =>
  issueKey(issue as z.core.$ZodIssue).key;

const VALUE_KEYS: Record<ValueProblem, [ValidationKey, MessageParams?]> = {
  too_deep: ['tooDeep', { max: MAX_VALUE_DEPTH }],
  too_large: ['tooLarge', { max: MAX_VALUE_CHARS }],
  invalid_characters: ['nulChars'],
};

/** The error for a field value that crossed a bound (protocol/limits.ts). */
export function valueError(field: string, problem: ValueProblem): FieldError {
  const [key, params] = VALUE_KEYS[problem];
  return fieldError(field, problem, key, params);
}

const MISSING_TARGET: { readonly [T in TableName]?: ValidationKey } = {
  organizations: 'missingOrganization',
  locations: 'missingLocation',
  services: 'missingService',
};

/** The error for a reference to a record that does not exist or was deleted. */
export function unknownReference(ref: Reference): FieldError {
  return fieldError(ref.field, 'unknown_reference', MISSING_TARGET[ref.table] ?? 'missingRecord');
}
