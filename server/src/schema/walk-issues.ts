/**
 * The findings that come from walking the document beside the schema rather than from validation:
 * keys in the wrong case, legacy shapes and keys flyctl still rewrites (the schema's
 * `deprecationMessage`, `x-flylint-alias-of`, `x-flylint-legacy*` annotations), nan/inf, dates
 * where strings are expected, and tables that want one of several keys.
 */
import type { TomlValue } from '../toml/values.js';
import { isString, lookup } from '../fly/fields.js';
import type { Fix } from '../lint/types.js';
import { durationWords, formatDuration } from '../fly/units.js';
import type { Visited } from './schema-walk.js';
import type { SchemaIssue } from './check-schema.js';
import { isPatchedKey } from './patched-keys.js';
import { stringConvertedByRewrite, stringifiedByRewrite } from './decodes-as-written.js';
import { flySchema, type JsonSchema } from './schema-lookup.js';
import { describeFound, rangeOfValue } from './locate.js';
import { keyWhere, listWords, sectionName } from './words.js';
import { arrayToTableFix, checksArrayToTablesFix, experimentalKillTimeoutFix, experimentalMetricsFix, pairsArrayToTableFix, removeKeyFix, renameSectionFix, renameSplits, replaceValue, stringText, tableToArrayFix, type EditContext } from './schema-fixes.js';

const BARE_UNIT_MS = { s: 1000, ms: 1 } as const;

function keyRange(v: Visited): [number, number] {
  return v.key ? [v.key.start, v.key.end] : rangeOfValue({ value: v.value });
}

function written(v: Visited): string {
  return v.key?.name ?? String(v.path[v.path.length - 1]);
}

/** The annotations the checks below read: a value whose schema has none of them needs no checks but the type-based ones. */
const ANNOTATIONS = ['deprecationMessage', 'x-flylint-alias-of', 'x-flylint-legacy', 'x-flylint-duration', 'x-flylint-int-string', 'x-flylint-legacy-string', 'x-flylint-wants-one-of'];
const annotatedCache = new WeakMap<object, boolean>();

function annotated(schema: Visited['schema']): boolean {
  if (!schema) return false;
  let found = annotatedCache.get(schema);
  if (found === undefined) annotatedCache.set(schema, (found = hasAnnotation(schema)));
  return found;
}

// Apart from annotated(): a closure there would make every call allocate a context for `schema`.
function hasAnnotation(schema: NonNullable<Visited['schema']>): boolean {
  return ANNOTATIONS.some((k) => schema[k] !== undefined);
}

export function walkIssues(ctx: EditContext, v: Visited): SchemaIssue[] {
  if (v.unrewritten && v.inMap) {
    const unrewritten = unrewrittenEnvValue(v) ?? unstringifiedMapValue(ctx, v);
    if (unrewritten) return [unrewritten];
  }
  // Most values are plain and well-typed: settle them before building anything.
  if (!v.canonical && v.value.type !== 'float' && v.value.type !== 'datetime' && !annotated(v.schema) && !annotated(v.declared)) return [];
  const out: SchemaIssue[] = [];
  if (v.canonical) out.push(keyCase(ctx, v));
  if (!v.inMap && (v.schema || v.declared)) out.push(...legacy(ctx, v));
  const nonFinite = nonFiniteIssue(v);
  if (nonFinite) out.push(nonFinite);
  const date = dateIssue(ctx, v);
  if (date) out.push(date);
  const wants = wantsOneOf(v);
  if (wants) out.push(wants);
  return out;
}

/** Whether the key decides how flyctl rewrites the value (a bare-number duration it converts only when spelled in lower case). */
function caseChangesMeaning(v: Visited): boolean {
  return v.schema !== undefined && convertedDurationUnit(v.schema) !== undefined && (v.value.type === 'integer' || v.value.type === 'float');
}

function keyCase(ctx: EditContext, v: Visited): SchemaIssue {
  const canonical = v.canonical!;
  const range = keyRange(v);
  const fix: Fix = { range, text: canonical };
  // Only a table named in several places (`[Deploy]` and `Deploy.strategy`) can be split by renaming one
  // of them; a value's own key is its only spelling (another table's `Internal_Port` is another key).
  const named = v.value.type === 'table' ? v.value.origin !== 'inline' : v.value.type === 'array' && v.value.arrayOfTables;
  if (!v.key || (named && renameSplits(ctx.doc, v.key, v.path.length === 1))) {
    const everywhere = v.key ? renameEveryHeader(ctx, v, canonical) : undefined;
    return {
      kind: 'key-case',
      message: `"${written(v)}" should be written "${canonical}": flyctl reads it, but its rewrites of legacy values and \`fly config validate --strict\` expect lower case. Rename it in every header and key that spells it so`,
      range,
      // A suggestion: the rewrites that start to run can change what is deployed (see below).
      ...(everywhere ? { suggestions: [{ desc: `Rename to "${canonical}" in every header`, fix: everywhere }] } : {}),
    };
  }
  if (caseChangesMeaning(v)) {
    const n = v.value.type === 'integer' || v.value.type === 'float' ? Math.trunc(Number(v.value.value)) : 0;
    return {
      kind: 'key-case',
      message: `"${written(v)}" should be written "${canonical}": flyctl reads it, but converts a bare number only under the lower-case key, so this ${n} counts nanoseconds. Renaming changes that to ${v.schema!['x-flylint-duration'] === 's' ? 'seconds' : 'milliseconds'}`,
      range,
      suggestions: [{ desc: `Rename to "${canonical}"`, fix }],
    };
  }
  // Renaming lets flyctl's rewrite of this key run, which can change what is deployed.
  if (isPatchedKey(v.path.slice(0, -1), canonical)) {
    const section = v.value.type === 'table' || v.value.type === 'array';
    return {
      kind: 'key-case',
      message: section
        ? `"${written(v)}" should be written "${canonical}": flyctl reads it, but skips its rewrites of legacy values inside it, which renaming turns on (string ports become numbers, bare-number check times milliseconds …). Check what it holds after renaming`
        : `"${written(v)}" should be written "${canonical}": flyctl reads it, but rewrites its legacy values only under the lower-case key, so renaming can change what is deployed. Check the value after renaming`,
      range,
      suggestions: [{ desc: `Rename to "${canonical}"`, fix }],
    };
  }
  return {
    kind: 'key-case',
    message: `"${written(v)}" should be written "${canonical}": flyctl reads it, but its rewrites of legacy values and \`fly config validate --strict\` expect lower case`,
    range,
    fix,
  };
}

/**
 * A top-level section spelled in other headers too (`[[Services]]`, `[[Services.ports]]`), renamed
 * in all of them; none when a dotted key spells it as well or the canonical name is taken.
 */
function renameEveryHeader(ctx: EditContext, v: Visited, canonical: string): Fix | undefined {
  const key = v.key!;
  if (v.path.length !== 1 || !ctx.doc || (v.value.type !== 'table' && v.value.type !== 'array') || v.parent?.entries.has(canonical)) return undefined;
  if (ctx.doc.body.some((kv) => kv.key.segments[0]?.name === key.name)) return undefined;
  return renameSectionFix(ctx, key, v.value, canonical, false);
}

/**
 * A legacy value inside a section flyctl's rewrites miss (`[[Services]]`, `[Checks.web]`): it
 * stays as written, which flyctl mostly cannot load. Null when nothing here needs a rewrite (the
 * usual checks then apply). `ownKey`: the key itself is written otherwise (`Port`), not the section
 * that holds it.
 */
function unrewrittenLegacy(ctx: EditContext, v: Visited, unrewritten: NonNullable<Visited['unrewritten']>, ownKey: boolean): SchemaIssue | null {
  const { written: section, canonical } = unrewritten;
  const declared = v.declared ?? {};
  const schema = v.schema ?? declared;
  const value = v.value;
  const where = ownKey ? `only under the key "${canonical}", and this one is written "${section}"` : `only under "${canonical}", and this is under "${section}"`;
  const rename = ownKey ? `Rename it to "${canonical}"` : `Rename "${section}" to "${canonical}"`;
  const alias = declared['x-flylint-alias-of'];
  if (typeof alias === 'string' && v.key) {
    return { kind: 'unknown-key', message: `${keyWhere(v.path)} is ignored: flyctl renames it to "${alias}" ${where}. ${rename}`, range: keyRange(v) };
  }
  if (typeof schema['x-flylint-legacy'] === 'string') {
    return { kind: 'invalid-type', message: `${keyWhere(v.path)} is in a legacy form, which flyctl rewrites ${where}: it cannot load this file. ${rename}`, range: v.key ? keyRange(v) : rangeOfValue({ value }) };
  }
  if (stringConvertedByRewrite(schema, value)) {
    return { kind: 'invalid-type', message: `${assignment(ctx, v)} stays a string: flyctl converts it ${where}, so it cannot load this file. ${rename}`, range: [value.node.start, value.node.end] };
  }
  if (stringifiedByRewrite(schema, value)) {
    return { kind: 'invalid-type', message: `${assignment(ctx, v)} is not a string: flyctl turns it into one ${where}, so it cannot load this file. Quote the value, or ${rename.charAt(0).toLowerCase()}${rename.slice(1)}`, range: [value.node.start, value.node.end] };
  }
  const unit = convertedDurationUnit(schema);
  if (unit && (value.type === 'integer' || value.type === 'float')) {
    return { kind: 'invalid-value', severity: 'warning', message: `${assignment(ctx, v)} counts nanoseconds: flyctl turns a bare number here into ${unit === 's' ? 'seconds' : 'milliseconds'} ${where}. Write the unit, as in "10s"`, range: [value.node.start, value.node.end] };
  }
  if (unit && droppedAsUnset(value)) {
    const what = value.type === 'table' || value.type === 'array' ? `${keyWhere(v.path)} is ${describeFound(value)}` : assignment(ctx, v);
    return { kind: 'invalid-type', message: `${what} is no duration: flyctl treats it as unset ${where}, so here it cannot load this file. Write a duration such as "10s", or remove it`, range: rangeOfValue({ value, ...(v.key ? { key: v.key } : {}) }) };
  }
  return null;
}

/** The unit flyctl's rewrite gives a bare number in a duration of this schema (Dur-s, Dur-ms); undefined where none runs (Dur-ns). */
function convertedDurationUnit(schema: JsonSchema): 's' | 'ms' | undefined {
  const unit = schema['x-flylint-duration'];
  return unit === 's' || unit === 'ms' ? unit : undefined;
}

/**
 * A value flyctl's rewrite of a duration treats as unset: "", or no number or string at all (a date
 * is a time to it). Where the rewrite does not run, Go's duration decoder fails on it (spec §2.1).
 */
function droppedAsUnset(value: TomlValue): boolean {
  return value.type === 'string' ? value.value === '' : value.type !== 'integer' && value.type !== 'float';
}

/** An [env] value that is not a string, under `[Env]`: flyctl turns values into strings only under `env`. */
function unrewrittenEnvValue(v: Visited): SchemaIssue | undefined {
  // A date or time is a string by the time flyctl's decoder sees it.
  if (!v.inMap || v.unrewritten?.canonical !== 'env' || v.path.length !== 2 || isString(v.value)) return undefined;
  const { written: section } = v.unrewritten;
  if (v.unrewritten.merged) {
    // Beside [env]: renaming this spelling would define the table twice.
    return { kind: 'invalid-type', message: `"${written(v)}" in [${section}] is not a string: flyctl reads [${section}] into the same map as [env] but turns values into strings only under "env", so it cannot load this file. Quote the value`, range: rangeOfValue({ value: v.value }) };
  }
  return { kind: 'invalid-type', message: `"${written(v)}" in [${section}] is not a string: flyctl turns [env] values into strings only under "env", and this is under "${section}", so it cannot load this file. Quote the value, or rename "${section}" to "env"`, range: rangeOfValue({ value: v.value }) };
}

/** A check header's number or boolean under `[[Services]]` or `Headers`: flyctl turns header values into strings only where its rewrite looks. */
function unstringifiedMapValue(ctx: EditContext, v: Visited): SchemaIssue | undefined {
  if (!v.declared || !v.key || !stringifiedByRewrite(v.declared, v.value)) return undefined;
  const { written: section, canonical } = v.unrewritten!;
  return {
    kind: 'invalid-type',
    message: `${assignment(ctx, v)} is not a string: flyctl turns such values into strings only under "${canonical}", and this is under "${section}", so it cannot load this file. Quote the value, or rename "${section}" to "${canonical}"`,
    range: rangeOfValue({ value: v.value }),
  };
}

/**
 * `Port = "80"` in [[services.ports]], `Kill_Timeout = true`: a string flyctl turns into a number or
 * a list, or a duration it treats as unset, only under the lower-case key, which its rewrite looks
 * up. Spelled otherwise the value reaches the decoder as written, which cannot load it. (A bare-number
 * duration under such a key is key-case's: it loads, as nanoseconds.)
 */
function unconvertedValue(v: Visited): Visited['unrewritten'] {
  const schema = v.schema ?? v.declared;
  if (!v.canonical || !v.key || v.inMap || !schema || !rewriteOnly(schema, v.value)) return undefined;
  return isPatchedKey(v.path.slice(0, -1), v.canonical) ? { written: v.key.name, canonical: v.canonical } : undefined;
}

/** A value that only flyctl's rewrite of its key makes loadable: a string for a number or a list, a number for a string, a duration it treats as unset. */
function rewriteOnly(schema: JsonSchema, value: TomlValue): boolean {
  return stringConvertedByRewrite(schema, value) || stringifiedByRewrite(schema, value) || (convertedDurationUnit(schema) !== undefined && droppedAsUnset(value));
}

function legacy(ctx: EditContext, v: Visited): SchemaIssue[] {
  const unrewritten = v.unrewritten ?? unconvertedValue(v);
  if (unrewritten) {
    const skipped = unrewrittenLegacy(ctx, v, unrewritten, !v.unrewritten);
    if (skipped) return [skipped];
  }
  const declared = v.declared ?? {};
  const schema = v.schema ?? declared;
  const deprecation = declared.deprecationMessage ?? schema.deprecationMessage;
  // `script_checks = []`, `processes = []`: a legacy list that lists nothing asks flyctl for
  // nothing, so removing it changes nothing worth a finding. Under [experimental]
  // (`allowed_public_ports = []`) it still fails `fly config validate --strict`.
  if (saysNothing(v.value) && v.path[0] !== 'experimental' && (typeof deprecation === 'string' || typeof schema['x-flylint-legacy'] === 'string')) return [];
  if (typeof deprecation === 'string' && v.key) {
    // Not the last key of a section: flyctl drops a [[services]] left empty, which is an effect.
    const lastKey = v.path.length > 1 && v.parent !== undefined && v.parent.entries.size === 1;
    const fix = declared['x-flylint-no-effect'] && !lastKey ? removeKeyFix(ctx, v.key) : movedFromExperimental(ctx, v);
    return [{ kind: 'deprecated', message: `${keyWhere(v.path)} is deprecated. ${deprecation}`, range: keyRange(v), tags: ['deprecated'], ...(fix ? { fix } : {}) }];
  }
  const out: SchemaIssue[] = [];
  const alias = declared['x-flylint-alias-of'];
  const shape = schema['x-flylint-legacy'];
  if (typeof alias === 'string' && v.key) {
    const asArray = schema['x-flylint-modernize'] === 'array-of-tables';
    const fix = renameSectionFix(ctx, v.key, v.value, alias, asArray);
    const message = asArray
      ? `[${written(v)}] is the legacy form of [[${alias}]]: flyctl still reads it, but the docs and other tools expect [[${alias}]]`
      : `${keyWhere(v.path)} is a legacy spelling of "${alias}": flyctl still reads it`;
    const usable = fix && !v.parent?.entries.has(alias);
    out.push({ kind: 'deprecated', message, range: keyRange(v), tags: ['deprecated'], ...(usable ? (renameKeepsMeaning(v, alias) ? { fix } : { suggestions: [{ desc: `Rename to ${asArray ? `[[${alias}]]` : `"${alias}"`}`, fix }] }) : {}) });
  } else if (typeof shape === 'string' && !(schema['x-flylint-documented-form'] && !implicitlyOpened(ctx, v))) {
    // A documented form (the configuration reference writes a single [mounts] table) is no legacy,
    // though flyctl rewrites it; a [mounts.x] header that opened it by accident still is a slip.
    const table = v.path.filter((p) => typeof p === 'string').join('.');
    const firstHeader = implicitlyOpened(ctx, v);
    const message = firstHeader
        ? `${firstHeader} comes before any [[${table}]], which makes "${table}" a single table: the legacy form, which flyctl reads as one entry. Add [[${table}]] above it`
        : shape.replaceAll('{table}', table);
    out.push({ kind: 'deprecated', message, range: v.key ? keyRange(v) : rangeOfValue({ value: v.value }), tags: ['deprecated'], ...optional(modernize(ctx, v)) });
  }
  const scalar = legacyScalar(ctx, v);
  if (scalar) out.push(scalar);
  return out;
}

/** The legacy `[experimental]` keys flyctl copies elsewhere, moved there. */
function movedFromExperimental(ctx: EditContext, v: Visited): Fix | undefined {
  if (v.path.length !== 2 || v.path[0] !== 'experimental' || !v.key) return undefined;
  if (v.path[1] === 'kill_timeout') return experimentalKillTimeoutFix(ctx, v.key);
  return v.path[1] === 'metrics_port' || v.path[1] === 'metrics_path' ? experimentalMetricsFix(ctx) : undefined;
}

/**
 * Whether renaming an alias section to its modern name keeps what flyctl deploys. Not when another
 * spelling of it is there too: flyctl joins `compute`, `computes` and `vm` in that order, and
 * renaming puts them in file order, which decides the first global [[vm]]. Nor for `[metric]` beside
 * [experimental] metrics_port or metrics_path: flyctl copies those only when there is no [metrics].
 */
function renameKeepsMeaning(v: Visited, alias: string): boolean {
  const parent = v.parent;
  if (!parent || !v.key) return false;
  for (const name of parent.entries.keys()) {
    if (name !== v.key.name && flySchema.properties?.[name]?.['x-flylint-alias-of'] === alias && v.path.length === 1) return false;
  }
  if (alias === 'metrics' && v.path.length === 1) {
    const experimental = parent.entries.get('experimental')?.value;
    if (experimental?.type === 'table' && (experimental.entries.has('metrics_port') || experimental.entries.has('metrics_path'))) return false;
  }
  return true;
}

/** An empty list: flyctl drops it whatever its key. */
function saysNothing(value: TomlValue): boolean {
  return value.type === 'array' && value.items.length === 0;
}

/** `[[services.ports]]` as written, when that header made a top-level single table without a header of its own. */
function implicitlyOpened(ctx: EditContext, v: Visited): string | undefined {
  if (!ctx.text || v.path.length !== 1 || v.value.type !== 'table' || v.value.origin !== 'implicit' || v.value.node.kind === 'keyValue') return undefined;
  const node = v.value.node;
  return node.kind === 'table' || node.kind === 'arrayTable' ? ctx.text.slice(node.header.start, node.header.end) : undefined;
}

function optional(fix: Fix | undefined): { fix?: Fix } {
  return fix ? { fix } : {};
}

function modernize(ctx: EditContext, v: Visited): Fix | undefined {
  switch (v.schema?.['x-flylint-modernize']) {
    case 'array-of-tables':
      return tableToArrayFix(ctx, v.value);
    case 'concurrency-table': {
      const match = /^([+-]?\d+),([+-]?\d+)$/.exec(String(v.value.type === 'string' ? v.value.value : ''));
      return match ? replaceValue(v.value, `{ type = ${stringText(ctx, 'requests')}, soft_limit = ${Number(match[1])}, hard_limit = ${Number(match[2])} }`) : undefined;
    }
    case 'processes-table':
      if (v.value.type === 'array' && !v.value.arrayOfTables && v.value.items.length === 0) return v.key ? removeKeyFix(ctx, v.key) : undefined;
      return pairsArrayToTableFix(ctx, v.value, 'name', 'command');
    case 'headers-table':
      return pairsArrayToTableFix(ctx, v.value, 'name', 'value');
    case 'checks-tables':
      return checksArrayToTablesFix(ctx, v.value);
    default:
      return undefined;
  }
}

/** `kill_timeout = 5`, or `port = "80" in [[services.ports]]`: a key and its value as written. */
function assignment(ctx: EditContext, v: Visited): string {
  const value = v.value;
  const spelled = ctx.text ? ctx.text.slice(value.node.start, value.node.end) : value.type === 'string' ? JSON.stringify(value.value) : String(value.type === 'table' || value.type === 'array' ? '' : value.value);
  let end = v.path.length;
  while (end > 0 && typeof v.path[end - 1] === 'number') end--;
  const parent = v.path.slice(0, end - 1);
  return `${written(v)} = ${spelled}${parent.length ? ` in ${sectionName(parent)}` : ''}`;
}

/**
 * Legacy spellings of a value: `port = "80"`, `cmd = "x"`. Not `auto_stop_machines = true` (the
 * docs call it equivalent to "stop") nor bare-number `kill_timeout` and check times: the docs write
 * them so and say what unit they count in.
 */
function legacyScalar(ctx: EditContext, v: Visited): SchemaIssue | undefined {
  const schema = v.schema;
  const value = v.value;
  if (!schema) return undefined;
  const issue = (message: string, fix: Fix): SchemaIssue => ({ kind: 'deprecated', message, range: [value.node.start, value.node.end], tags: ['deprecated'], fix });
  const unit = convertedDurationUnit(schema);
  if (unit && !v.canonical && (value.type === 'integer' || (value.type === 'float' && Number.isFinite(value.value)))) {
    const ms = (value.type === 'integer' ? Number(value.value) : Math.trunc(value.value as number)) * BARE_UNIT_MS[unit];
    // flyctl multiplies in 64-bit nanoseconds, which wrap around past about 292 years: no string says that.
    if (!(Math.abs(ms) * 1e6 < 2 ** 63)) {
      return { kind: 'invalid-value', severity: 'warning', message: `${assignment(ctx, v)} is too large: flyctl multiplies it into nanoseconds past what a Go duration holds, and the result wraps around. Write a duration such as "30s"`, range: [value.node.start, value.node.end] };
    }
  }
  if (schema['x-flylint-int-string'] && value.type === 'string' && /^[-+]?[0-9]+$/.test(value.value as string)) {
    // BigInt: past 2^53 a Number would change the digits. Past 64 bits flyctl cannot convert it.
    const n = BigInt(value.value as string);
    if (n < -(2n ** 63n) || n >= 2n ** 63n) {
      return { kind: 'invalid-value', message: `${assignment(ctx, v)} is out of range for a 64-bit integer: flyctl cannot load this file`, range: [value.node.start, value.node.end] };
    }
    return issue(`${assignment(ctx, v)} is the legacy spelling of the number ${n}`, replaceValue(value, String(n)));
  }
  if (schema['x-flylint-legacy-string'] === 'list' && value.type === 'string' && ctx.text) {
    const spaced = /\s/.test(value.value as string) ? `; flyctl does not split it, so ${JSON.stringify(value.value)} stays one argument` : '';
    return issue(`${assignment(ctx, v)} is the legacy spelling of a one-element list${spaced}`, replaceValue(value, `[${ctx.text.slice(value.node.start, value.node.end)}]`));
  }
  return undefined;
}

function nonFiniteIssue(v: Visited): SchemaIssue | undefined {
  if (v.value.type !== 'float' || Number.isFinite(v.value.value) || v.path[0] === 'env') return undefined;
  return { kind: 'invalid-type', message: `${keyWhere(v.path)} is ${String(v.value.value)}: flyctl cannot load nan or inf outside [env]. Write a number`, range: [v.value.node.start, v.value.node.end] };
}

/** A TOML date where flyctl expects a string: it loads, as Go's spelling of the date. */
function dateIssue(ctx: EditContext, v: Visited): SchemaIssue | undefined {
  if (v.value.type !== 'datetime' || v.inMap || !v.schema || v.schema['x-flylint-duration'] || v.schema.pattern) return undefined;
  const types = v.schema.type === undefined ? [] : [v.schema.type].flat();
  if (!types.includes('string')) return undefined;
  const raw = String(v.value.value);
  return {
    kind: 'invalid-type',
    severity: 'warning',
    message: `${keyWhere(v.path)} is a TOML date, not a string: flyctl turns it into Go's spelling of the date, which may differ from ${raw}. Quote it`,
    range: [v.value.node.start, v.value.node.end],
    suggestions: [{ desc: `Quote ${raw}`, fix: replaceValue(v.value, stringText(ctx, raw)) }],
  };
}

function wantsOneOf(v: Visited): SchemaIssue | undefined {
  const wants = v.schema?.['x-flylint-wants-one-of'] as string[] | undefined;
  // In any case: flyctl's decoder reads `Local_Path` as local_path.
  if (!wants || v.value.type !== 'table' || wants.some((k) => v.value.type === 'table' && lookup(v.value, k))) return undefined;
  const section = sectionName(v.path);
  const why = v.path[0] === 'files' ? 'flyctl removes the file from the Machines on the next deploy' : 'there is nothing to serve';
  return { kind: 'missing-required', message: `${section} sets none of ${listWords(wants)}: ${why}. Add one`, range: rangeOfValue({ value: v.value }) };
}

/** `[[http_service]]` → `[http_service]`, `[restart]` → `[[restart]]`: the safe fix of a table-shape type error. */
export function shapeFix(ctx: EditContext, value: TomlValue, expected: readonly string[]): Fix | undefined {
  if (value.type === 'array' && expected.includes('object') && !expected.includes('array')) return arrayToTableFix(ctx, value);
  if (value.type === 'table' && expected.includes('array') && !expected.includes('object')) return tableToArrayFix(ctx, value);
  return undefined;
}
