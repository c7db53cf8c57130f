/**
 * Bounds on what a field value may be, checked before anything else looks at it (no zod:
 * a plain walk that stops at the first bound it crosses).
 */

/**
 * NUL and unpaired UTF-16 surrogates survive JSON.parse but PostgreSQL text/jsonb refuses
 * them. They are never meaningful text, so they are refused up front (code
 * 'invalid_characters') instead of failing a whole transaction later.
 */
export const BAD_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting of a field value (`[1]` is 1). Records hold scalars and flat lists. */
export const MAX_VALUE_DEPTH = 10;
/** Largest field value, in characters of its JSON text. The longest text field has 8,000. */
export const MAX_VALUE_CHARS = 65_536;

export type ValueProblem = 'too_deep' | 'too_large' | 'invalid_characters';

/**
 * What makes a JSON value unfit to look at any further, or null. It walks with its own
 * stack and stops at the first bound it crosses, so a 10,000-deep or megabyte-sized value
 * costs almost nothing and never reaches code that recurses (JSON.stringify, sameValue) or
 * PostgreSQL. Every string and key within the bounds is checked for BAD_CHARS.
 */
export function valueProblem(value: unknown): ValueProblem | null {
  let chars = 0;
  let badChars = false;
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    if (typeof v === 'string') {
      chars += v.length + 2;
      badChars ||= BAD_CHARS.test(v);
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_VALUE_DEPTH) return 'too_deep';
      chars += 2;
      if (Array.isArray(v)) {
        chars += v.length;
        if (chars > MAX_VALUE_CHARS) return 'too_large';
        for (const x of v) stack.push([x, depth + 1]);
      } else {
        for (const [k, x] of Object.entries(v)) {
          chars += k.length + 4;
          badChars ||= BAD_CHARS.test(k);
          if (chars > MAX_VALUE_CHARS) return 'too_large';
          stack.push([x, depth + 1]);
        }
      }
    } else {
      chars += String(v).length;
    }
    if (chars > MAX_VALUE_CHARS) return 'too_large';
  }
  return badChars ? 'invalid_characters' : null;
}
