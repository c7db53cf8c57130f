import type { FieldError } from '../../protocol/push';
import { t } from '.';

/**
 * An error of the push protocol or the editor's validation in the UI language: its message
 * key from the catalogues' `validation` messages (loaded with the coordination screens),
 * or the German text it carries when a catalogue lacks the key (an older app, a newer
 * server).
 */
export function fieldErrorText(e: Pick<FieldError, 'message' | 'key' | 'params'>): string {
  if (!e.key) return e.message;
  const id = `validation.${e.key}`;
  const text = t(id, e.params);
  return text === id ? e.message : text;
}
