/** How the schema check names sections, keys and expected types in its messages. */
import { typesOf, type JsonSchema } from './schema-lookup.js';
import { shownToken } from '../toml/literals.js';

/** `[http_service]`, `[[services.ports]]`, `[checks.alive]` or `the top level`, for the table at a path. */
export function sectionName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the top level';
  // A name can be any length in TOML; a message quotes at most the start of each.
  const names = path.filter((p): p is string => typeof p === 'string').map((name) => shownToken(name));
  return typeof path[path.length - 1] === 'number' ? `[[${names.join('.')}]]` : `[${names.join('.')}]`;
}

/** `in [http_service]`, or `at the top level`. */
export function inSection(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'at the top level' : `in ${sectionName(path)}`;
}

/** `"port" in [[services.ports]]`, or just `"app"` at the top level. */
export function keyWhere(path: readonly (string | number)[]): string {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  const key = path[end - 1];
  if (key === undefined) return 'the document';
  const parent = path.slice(0, end - 1);
  const shown = typeof key === 'string' ? shownToken(key) : key;
  return parent.length ? `"${shown}" in ${sectionName(parent)}` : `"${shown}"`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a table',
  array: 'a list',
};

function branchWords(schema: JsonSchema): string[] {
  if (schema.anyOf) {
    // Name the modern forms only: "a table", not "a table or the legacy string".
    const modern = schema.anyOf.filter((b) => !b['x-flylint-legacy']);
    return (modern.length ? modern : schema.anyOf).flatMap(branchWords);
  }
  const all = typesOf(schema);
  const types = all.includes('number') ? all.filter((t) => t !== 'integer') : all;
  return types.map((t) => {
    if (t === 'array' && schema.items && typesOf(schema.items).includes('object')) return 'an array of tables';
    if (t === 'array' && schema.items && typesOf(schema.items).join() === 'string') return 'a list of strings';
    if (t === 'string' && schema['x-flylint-duration']) return 'a duration such as "30s"';
    return TYPE_WORDS[t] ?? t;
  });
}

/** What a schema accepts, in words: `a table or an array of tables`. */
export function expectedWords(schema: JsonSchema): string {
  const words = [...new Set(branchWords(schema))];
  return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The values of an enum that messages name: not "" (unset), nor the booleans and numbers that are legacy spellings of the others. */
export function namedEnumValues(schema: JsonSchema): unknown[] {
  return (schema.enum ?? []).filter((v) => v !== '' && typeof v !== 'boolean' && typeof v !== 'number');
}

/** `"a", "b" or "c"` */
export function listWords(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The first sentence of a key's description, without the docs link: a reminder of what the key is for. */
export function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const text = description.split('\n\n')[0]!.trim();
  const end = text.search(/(?<!\be\.g|\bi\.e)\.(\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}
