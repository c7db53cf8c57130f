import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Draft, str } from '../draft';
import './fields.css';

/**
 * Form controls with their label, hint and inline error wired up for screen readers
 * (aria-invalid + aria-describedby). Errors are German texts from the shared zod schemas.
 */

interface Base {
  /** Record field; also the element id `f-<name>` the error summary links to. */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

export const fieldId = (name: string) => `f-${name}`;

function describedBy(name: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? `${fieldId(name)}-error` : '', hint ? `${fieldId(name)}-hint` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function Extras({ name, error, hint }: Pick<Base, 'name' | 'error' | 'hint'>) {
  return (
    <>
      {hint && (
        <p id={`${fieldId(name)}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId(name)}-error`} class="field__error">
          {error}
        </p>
      )}
    </>
  );
}

function Label({ name, label, required }: Pick<Base, 'name' | 'label' | 'required'>) {
  return (
    <label class="field__label" for={fieldId(name)}>
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

export function TextField(
  props: Base & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'search' | 'email' | 'tel' | 'url' | 'date' | 'time' | 'number';
    multiline?: boolean;
    autocomplete?: string;
    list?: string;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'url';
    /** The language of the text typed in, when it is not the page's (a translation). */
    lang?: string;
  },
) {
  const { name, error, hint, required, value, onInput, type = 'text', multiline, lang } = props;
  const common = {
    id: fieldId(name),
    name,
    value,
    required,
    lang,
    dir: lang ? ('auto' as const) : undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, error, hint),
    onInput: (e: Event) => onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <Label name={name} label={props.label} required={required} />
      {multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type={type}
          autocomplete={props.autocomplete}
          list={props.list}
          inputMode={props.inputMode}
        />
      )}
      <Extras name={name} error={error} hint={hint} />
    </div>
  );
}

export function SelectField(
  props: Base & {
    value: string;
    options: { value: string; label: string }[];
    onChange: (value: string) => void;
    /** Label of an empty first option; absent = no empty choice. */
    empty?: string;
  },
) {
  const { name, error, hint, required, value, options, onChange, empty } = props;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <Label name={name} label={props.label} required={required} />
      <select
        id={fieldId(name)}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras name={name} error={error} hint={hint} />
    </div>
  );
}

/** A group of checkboxes (multiple choice) or radios (one choice) in a fieldset. */
export function ChoiceGroup(
  props: Base & {
    options: { value: string; label: string }[];
    selected: readonly string[];
    onChange: (selected: string[]) => void;
    single?: boolean;
    columns?: boolean;
    children?: ComponentChildren;
  },
) {
  const { name, error, hint, options, selected, onChange, single } = props;
  const toggle = (value: string, on: boolean) => {
    if (single) onChange([value]);
    else onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      id={fieldId(name)}
      class={`field field--group${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(name, error, hint)}
      tabIndex={-1}
    >
      <legend class="field__label">
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </legend>
      <div class={`field__choices${props.columns ? ' field__choices--columns' : ''}`}>
        {options.map((o) => (
          <label key={o.value} class="field__choice">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={name}
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {props.children}
      <Extras name={name} error={error} hint={hint} />
    </fieldset>
  );
}

export function CheckboxField(
  props: Base & { checked: boolean; onChange: (checked: boolean) => void },
) {
  const { name, error, hint, checked, onChange } = props;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__choice">
        <input
          id={fieldId(name)}
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={describedBy(name, error, hint)}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
        />
        <span>{props.label}</span>
      </label>
      <Extras name={name} error={error} hint={hint} />
    </div>
  );
}

/**
 * A text input for a value that is not a string (a list, a number). It keeps what the user
 * types (so "de, " or "51," stay while typing) and reports the parsed value on every input.
 */
export function ParsedField<T>(
  props: Omit<Parameters<typeof TextField>[0], 'value' | 'onInput'> & {
    value: T;
    format: (value: T) => string;
    parse: (text: string) => T;
    onChange: (value: T) => void;
  },
) {
  const { value, format, parse, onChange, ...rest } = props;
  const [text, setText] = useState(() => format(value));
  return (
    <TextField
      {...rest}
      value={text}
      onInput={(x) => {
        setText(x);
        onChange(parse(x));
      }}
    />
  );
}

type TextFieldProps = Parameters<typeof TextField>[0];

/**
 * A text field bound to one field of a draft: value, inline error and updates wired up.
 * Every record form needs this for most of its fields.
 */
export function draftTextField(draft: Draft, label: (field: string) => string) {
  return (name: string, extra: Partial<TextFieldProps> = {}) => (
    <TextField
      name={name}
      label={label(name)}
      value={str(draft.values[name])}
      error={draft.errors[name]}
      onInput={(x) => draft.set(name, x)}
      {...extra}
    />
  );
}
