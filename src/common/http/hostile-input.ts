/**
 * Checks of what no DTO can express, for every request and socket payload before any handler:
 * nesting deep enough to overflow the stack of a recursive validator, and text PostgreSQL cannot
 * store (a NUL character) or that is not text at all (half of a UTF-16 surrogate pair).
 */

/** The deepest nesting of objects and arrays a body or payload may have; the app's own need 4. */
export const MAX_NESTING = 32;

export const NESTING_MESSAGE = `The request is nested too deeply (at most ${MAX_NESTING} levels of objects and arrays)`;

/** Whether JSON text nests objects and arrays deeper than `max`, found without parsing it (no recursion). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, for a person, or null. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'is not valid text: it holds half of a UTF-16 surrogate pair';
  return null;
}

export type HostileFinding = { kind: 'nesting'; message: string } | { kind: 'text'; field: string; message: string };

/**
 * The first problem of a parsed value (a body, a query, a socket payload), walked without
 * recursion: nesting deeper than `maxDepth`, or a text (a value or a key) that textProblem refuses.
 * Fields are named by their path, `filters.areas.0`, as the validation pipe names them.
 */
export function findHostileInput(value: unknown, maxDepth = MAX_NESTING): HostileFinding | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { kind: 'text', field: path || 'value', message: `${path || 'The value'} ${problem}` };
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= maxDepth) return { kind: 'nesting', message: NESTING_MESSAGE };
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        const problem = textProblem(key);
        if (problem)
          return { kind: 'text', field: childPath, message: `The name of the field ${childPath} ${problem}` };
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}
