/**
 * The one escaping helper for everything flylint prints from file content or paths. Key names,
 * values, lines of a config and folder names are untrusted: a quoted key holding
 * `\n::error file=…::…` or a folder named `::stop-commands::x` would otherwise start a line that
 * GitHub Actions executes as a workflow command (or one that moves a terminal's cursor).
 *
 * - `safeText`: no control character, line break or line separator survives (each is shown as an
 *   escape, `\n`, `\u001b`), and a text that begins with `::` or `##[` has that start escaped, so
 *   it cannot begin a line as a command wherever it is printed.
 * - `safeJson`: JSON.stringify leaves DEL, C1 controls and U+2028/U+2029 raw; they become `\uXXXX`.
 */

// C0 controls, DEL, C1 controls, line and paragraph separators, bidirectional overrides.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const COMMAND_START = /^(\s*)(::|##\[)/;

function escapeChar(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function safeText(text: string): string {
  return text.replace(UNSAFE, escapeChar).replace(COMMAND_START, (_, space: string, start: string) => `${space}${start === '::' ? '\\::' : '\\##['}`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
