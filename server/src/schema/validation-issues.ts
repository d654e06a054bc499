/**
 * The validator's errors, turned into findings for people: on the key for an unknown key, on the
 * value for a wrong type or value, on the table header for a missing key. Of an `anyOf`, only the
 * branch the value's type takes speaks (the schema's branches accept distinct types), so a wrong
 * value inside `[[services]]` is reported as itself, never as "must match a schema in anyOf".
 */
import type { TomlTable, TomlValue } from '../toml/values.js';
import type { Fix, Suggestion } from '../lint/types.js';
import { closestKey, didYouMean } from '../lint/did-you-mean.js';
import { parseGoDurationNs, parseMemoryMb } from '../fly/units.js';
import { caseWinner } from '../fly/fields.js';
import { describeFix } from '../lint/fix-title.js';
import type { SchemaIssue } from './check-schema.js';
import type { Visited } from './schema-walk.js';
import { isOneTable, jsonTypeOfValue } from './schema-walk.js';
import { branchFor, flySchema, keyLocations, propertyIgnoringCase, typesOf, type JsonSchema } from './schema-lookup.js';
import { describeFound, rangeOfValue } from './locate.js';
import { expectedWords, firstSentence, inSection, keyWhere, listWords, namedEnumValues, sectionName } from './words.js';
import { moveKeyFix, renameSplits, replaceValue, stringText, type EditContext } from './schema-fixes.js';
import { overriddenMisfit } from './overridden-spelling.js';
import { shapeFix } from './walk-issues.js';
import type { SchemaError } from './validate-schema.js';
import { shownToken } from '../toml/literals.js';

/** A suggestion titled by what its edit does (`Replace "stp" with "stop"`), where the text is known. */
function titled(ctx: EditContext, fix: Fix, fallback: string): Suggestion {
  return { desc: ctx.text === undefined ? fallback : describeFix(ctx.text, fix), fix };
}

export interface ValidationContext extends EditContext {
  root: TomlTable;
  /** Every value the walk saw, by `pathKey`. */
  visited: ReadonlyMap<string, Visited>;
  /** Paths whose errors another finding covers already (nan/inf). */
  covered: ReadonlySet<string>;
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u001f');
}

/** Whether an error comes from an anyOf branch the value's type does not take. */
function fromOtherBranch(error: SchemaError, anyOfPaths: ReadonlySet<string>): boolean {
  return error.keyword === 'type' && anyOfPaths.has(pathKey(error.path));
}

export function validationIssues(ctx: ValidationContext, errors: readonly SchemaError[]): SchemaIssue[] {
  // An anyOf whose branches all reject the value's type is reported as one type error; when a
  // branch does take the type, the other branches' type errors are noise.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => pathKey(e.path)));
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    if (fromOtherBranch(error, anyOfPaths)) continue;
    const path = error.path;
    if (ctx.covered.has(pathKey(path))) continue;
    const issue = mapError(ctx, error, path);
    if (issue) issues.push(issue);
  }
  return issues;
}

function visitedAt(ctx: ValidationContext, path: readonly (string | number)[]): Visited | undefined {
  if (path.length === 0) return { path: [], value: ctx.root, schema: flySchema, declared: flySchema, inMap: false };
  return ctx.visited.get(pathKey(path));
}

function mapError(ctx: ValidationContext, error: SchemaError, path: Array<string | number>): SchemaIssue | undefined {
  if (error.keyword === 'additionalProperties') {
    const extra = error.additionalProperty!;
    return unknownKey(ctx, path, extra);
  }
  const at = visitedAt(ctx, path);
  if (!at) return undefined;
  const declared = at.declared ?? at.schema ?? {};
  const checkedElsewhere = Boolean(declared['x-flylint-checked-by'] ?? at.schema?.['x-flylint-checked-by']);
  switch (error.keyword) {
    case 'type':
      return typeIssue(ctx, at, declared);
    case 'anyOf':
      // A branch takes the value's type: its own errors say what is wrong.
      return branchFor(declared, jsonTypeOfValue(at.value)) ? undefined : typeIssue(ctx, at, declared);
    case 'enum':
      return checkedElsewhere ? undefined : enumIssue(ctx, at, at.schema ?? declared);
    case 'pattern':
      return checkedElsewhere ? undefined : patternIssue(ctx, at, at.schema ?? declared);
    case 'minimum':
    case 'maximum': {
      if (checkedElsewhere) return undefined;
      const schema = at.schema ?? declared;
      const range = typeof schema.minimum === 'number' && typeof schema.maximum === 'number' ? `between ${schema.minimum} and ${schema.maximum}` : error.keyword === 'minimum' ? `${String(schema.minimum)} or more` : `${String(schema.maximum)} or less`;
      return { kind: 'invalid-value', message: `${keyWhere(path)} must be ${range} (got ${describeFound(at.value)})`, range: rangeOfValue(at) };
    }
    case 'required': {
      const missing = error.missingProperty!;
      const schema = at.schema?.properties?.[missing];
      const sentence = firstSentence(schema?.description)?.replace(/`/g, '');
      // The message puts the sentence in parentheses: asides of its own would nest.
      const plain = sentence?.replace(/\s*\([^()]*\)/g, '');
      // Lower case for the middle of a sentence, but not an acronym ("URL prefix …").
      const what = plain ? (/^[A-Z]{2}/.test(plain) ? plain : plain.charAt(0).toLowerCase() + plain.slice(1)) : undefined;
      return { kind: 'missing-required', message: `${sectionName(path)} has no "${missing}"${what ? ` (${what.replace(/\.$/, '')})` : ''}. Add it`, range: rangeOfValue(at) };
    }
    default:
      return undefined;
  }
}

function unknownKey(ctx: ValidationContext, parentPath: Array<string | number>, key: string): SchemaIssue | undefined {
  const at = ctx.visited.get(pathKey([...parentPath, key]));
  const parent = visitedAt(ctx, parentPath);
  if (!at?.key || !parent || parent.value.type !== 'table') return undefined;
  const range: [number, number] = [at.key.start, at.key.end];
  const shown = shownToken(key);
  const known = Object.keys(parent.schema?.properties ?? {});
  const section = inSection(parentPath);
  const sameCase = propertyIgnoringCase(parent.schema, key);
  if (sameCase && parent.schema?.properties?.[sameCase]?.['x-flylint-exact-case'] && !parent.value.entries.has(sameCase)) {
    // Renaming turns the section on: what it sets starts to apply, so only as a suggestion.
    const taken = [...parent.value.entries.keys()].some((name) => name !== key && name.toLowerCase() === sameCase);
    const rename = at.key.quote === 'bare' && !taken && !renameSplits(ctx.doc, at.key, parentPath.length === 0);
    return {
      kind: 'unknown-key',
      message: `"${shown}" ${section} is ignored: flyctl reads "${sameCase}" only in lower case (its rewrite looks for that spelling alone), so this does not reach the Machines. Rename it to "${sameCase}" to use it`,
      range,
      ...(rename ? { suggestions: [{ desc: `Rename to "${sameCase}"`, fix: { range, text: sameCase } }] } : {}),
    };
  }
  if (sameCase) {
    // Another spelling of the key is the one flyctl reads: the exact one, or the one that sorts last.
    const used = caseWinner(parent.value, key);
    const winner = parent.value.entries.get(used);
    // Two tables are one to flyctl's decoder: it fills the same map or struct from each. Not where
    // flyctl reads a list (a single [services] becomes one): a rewrite replaces that one spelling.
    const declared = parent.schema?.properties?.[sameCase];
    if (winner && declared && isOneTable(declared) && at.value.type === 'table' && winner.value.type === 'table') {
      return {
        kind: 'key-case',
        message: `"${shown}" ${section} and "${used}" are one table to flyctl: it reads both, and where both set a key, "${used}" wins. Move what "${shown}" sets into "${used}"`,
        range,
        related: [{ message: `"${used}" is set here`, range: [winner.key.start, winner.key.end] }],
      };
    }
    // Unless only a rewrite reads the key, Go's decoder reads this spelling too, before the one it keeps.
    const reads = `flyctl reads every spelling of "${sameCase}", this one too before the "${used}" it keeps`;
    const misfit = declared && !declared['x-flylint-exact-case'] ? overriddenMisfit(ctx, { path: at.path, key: at.key, value: at.value, declared, reads, remove: `"${shown}"`, used, winner: winner?.key }) : undefined;
    if (misfit) return misfit;
    return {
      kind: 'unknown-key',
      message: `"${shown}" ${section} is ignored: "${used}" is set too, and flyctl uses that one. Remove "${shown}"`,
      range,
      tags: ['unnecessary'],
      ...(winner ? { related: [{ message: `"${used}" is set here`, range: [winner.key.start, winner.key.end] as [number, number] }] } : {}),
    };
  }
  const hints = parent.schema?.['x-flylint-hints'] as Record<string, string> | undefined;
  const hint = hints && Object.hasOwn(hints, key) ? hints[key] : undefined;
  if (hint) return { kind: 'unknown-key', message: `Unknown key "${shown}" ${section}: flyctl ignores it. ${hint}`, range };
  const suggestion = closestKey(key, known);
  if (suggestion) {
    // Renaming onto a key that is already set would define it twice.
    // Not onto a key the table already has in any case: key-case may be renaming `VM` to `vm` in the same pass.
    const taken = [...parent.value.entries.keys()].some((name) => name.toLowerCase() === suggestion.toLowerCase());
    const suggestions: Suggestion[] = at.key.quote === 'bare' && !taken ? [{ desc: `Rename to "${suggestion}"`, fix: { range, text: suggestion } }] : [];
    return { kind: 'unknown-key', message: `Unknown key "${shown}" ${section}. Did you mean "${suggestion}"?`, range, ...(suggestions.length ? { suggestions } : {}) };
  }
  const here = parentPath.filter((p) => typeof p === 'string').join('.');
  // The top level first: a top-level key in a section is the common slip (`swap_size_mb` under [build]).
  // A key in another case belongs where its lower-case spelling does (flyctl reads it there in any case).
  const located = keyLocations(key);
  const candidates = (located.length ? located : keyLocations(key.toLowerCase())).filter((p) => p.join('.') !== here).sort((a, b) => a.length - b.length);
  // A table this one sits in comes first (`processes` in [[services.ports]] belongs to its
  // [[services]], not to the top level, where the same name means something else).
  const enclosing = candidates.filter((p) => p.length > 0 && here.startsWith(`${p.join('.')}.`));
  const elsewhere = enclosing.length ? [enclosing[enclosing.length - 1]!] : candidates[0]?.length === 0 ? [candidates[0]] : candidates;
  if (elsewhere.length === 0) return { kind: 'unknown-key', message: `Unknown key "${shown}" ${section}: flyctl ignores it. Remove it, or check the spelling against the Fly docs`, range };
  const places = elsewhere.slice(0, 3).map((p) => (p.length ? `in [${p.join('.')}]` : 'at the top level'));
  const message = `"${shown}" does not belong ${section}: flyctl ignores it there. It belongs ${places.join(' or ')}`;
  const target = elsewhere.length === 1 ? tableAt(ctx.root, elsewhere[0]!) : undefined;
  const fix = target ? moveKeyFix(ctx, at.key, target) : undefined;
  const destination = elsewhere[0]!.length ? `[${elsewhere[0]!.join('.')}]` : 'the top level';
  return { kind: 'unknown-key', message, range, ...(fix ? { suggestions: [{ desc: `Move "${shown}" to ${destination}`, fix }] } : {}) };
}

/** The one table at a path of names (an array of tables counts when it holds exactly one). */
function tableAt(root: TomlTable, names: readonly string[]): TomlTable | undefined {
  if (names.some((n) => n === '<name>')) return undefined;
  let current: TomlValue | undefined = root;
  for (const name of names) {
    if (current?.type !== 'table') return undefined;
    current = current.entries.get(name)?.value;
    if (current?.type === 'array') current = current.items.length === 1 ? current.items[0] : undefined;
  }
  return current?.type === 'table' ? current : undefined;
}

function typeIssue(ctx: ValidationContext, at: Visited, declared: JsonSchema): SchemaIssue {
  const where = keyWhere(at.path);
  const range = rangeOfValue(at);
  const expected = expectedWords(declared);
  if (declared['x-flylint-wrong-type'] === 'ignored') {
    return { kind: 'invalid-type', severity: 'warning', message: `${where} is ${describeFound(at.value)}: flyctl ignores it and uses the default. Write ${expected}`, range };
  }
  const found = jsonTypeOfValue(at.value);
  if (found === 'number' && typesOf(declared).includes('integer')) {
    return { kind: 'invalid-type', message: `${where} must be an integer (got ${describeFound(at.value)}): flyctl cannot load this file`, range };
  }
  const fix = typeFix(ctx, at, declared);
  return { kind: 'invalid-type', message: `${where} must be ${expected} (got ${describeFound(at.value)}): flyctl cannot load this file`, range, ...(fix ? { fix } : {}) };
}

/** The one reading flyctl could have meant, where there is exactly one. */
function typeFix(ctx: ValidationContext, at: Visited, declared: JsonSchema): Fix | undefined {
  const types = typesOf(declared);
  const value = at.value;
  const shape = shapeFix(ctx, value, types);
  if (shape) return shape;
  if (value.type === 'string') {
    const s = value.value as string;
    const list = branchFor(declared, 'array');
    if (list?.items && typesOf(list.items).join() === 'string' && !/\s/.test(s) && s !== '' && ctx.text) return replaceValue(value, `[${ctx.text.slice(value.node.start, value.node.end)}]`);
    if (types.includes('integer') && /^[-+]?[0-9]+$/.test(s)) return replaceValue(value, String(Number.parseInt(s, 10)));
    if (types.includes('boolean') && (s === 'true' || s === 'false')) return replaceValue(value, s);
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(s);
    if (types.includes('number') && percent && Number(percent[1]) > 0 && Number(percent[1]) < 100) return replaceValue(value, String(Number(percent[1]) / 100));
  }
  if (value.type === 'integer' && types.includes('string') && declared['x-flylint-number-as-string']) return replaceValue(value, stringText(ctx, String(value.value)));
  return undefined;
}

function enumIssue(ctx: ValidationContext, at: Visited, schema: JsonSchema): SchemaIssue | undefined {
  const soft = Boolean(schema['x-flylint-soft-enum']);
  // flyctl passes "" on as unset.
  if (soft && at.value.type === 'string' && at.value.value === '') return undefined;
  const allowed = namedEnumValues(schema);
  const found = at.value.type === 'string' ? String(at.value.value) : undefined;
  const closest = found !== undefined ? didYouMean(found, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
  const range = rangeOfValue(at);
  const consequence = soft ? 'flyctl passes it on, but Fly.io does not know it' : 'flyctl cannot load this file';
  return {
    kind: 'invalid-value',
    ...(soft ? { severity: 'warning' as const } : {}),
    message: `${keyWhere(at.path)} is ${describeFound(at.value)}, not one of ${listWords(allowed)}: ${consequence}${closest ? `. Did you mean "${closest}"?` : ''}`,
    range,
    ...(closest ? { suggestions: [titled(ctx, replaceValue(at.value, stringText(ctx, closest)), `Use "${closest}"`)] } : {}),
  };
}

/** A duration written the way people write them (`"1d"`, `"10 s"`, `"5S"`, `"2min"`) in Go's spelling. */
function goDurationFor(text: string): string | undefined {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '').replace(/(mins?|minutes?)(?=\d|$)/g, 'm').replace(/(secs?|seconds?)(?=\d|$)/g, 's').replace(/(hours?|hrs?)(?=\d|$)/g, 'h');
  const days = /^(\d+)d$/.exec(compact);
  const candidate = days ? `${Number(days[1]) * 24}h` : compact;
  return candidate !== text && parseGoDurationNs(candidate).ok ? candidate : undefined;
}

/**
 * A duration string Go cannot read. Also asked of strings the schema's pattern accepts: the
 * pattern spells Go's grammar for editors, but only the parser knows a value too large for 64 bits.
 */
export function durationIssue(ctx: EditContext, at: Visited, text: string): SchemaIssue | undefined {
  const parsed = parseGoDurationNs(text);
  if (parsed.ok) return undefined;
  const better = goDurationFor(text);
  return {
    kind: 'invalid-value',
    message: `${keyWhere(at.path)} = ${JSON.stringify(text)} is not a duration flyctl can read (${parsed.error}): write a number and a unit (ns, us, ms, s, m, h) such as "30s" or "1m30s"${better ? `. Did you mean "${better}"?` : ''}`,
    range: rangeOfValue(at),
    ...(better ? { suggestions: [titled(ctx, replaceValue(at.value, stringText(ctx, better)), `Write "${better}"`)] } : {}),
  };
}

function patternIssue(ctx: ValidationContext, at: Visited, schema: JsonSchema): SchemaIssue | undefined {
  const where = keyWhere(at.path);
  const range = rangeOfValue(at);
  const text = at.value.type === 'table' || at.value.type === 'array' ? '' : String(at.value.value);
  const unit = schema['x-flylint-duration'];
  if (unit) {
    if (at.value.type === 'datetime' && schema['x-flylint-wrong-type'] === 'ignored') {
      return { kind: 'invalid-type', severity: 'warning', message: `${where} is a TOML date: flyctl ignores it and uses the default. Write a duration such as "30s"`, range };
    }
    return durationIssue(ctx, at, text);
  }
  if (schema['x-flylint-int-string']) {
    return { kind: 'invalid-type', message: `${where} must be an integer (got ${describeFound(at.value)}): flyctl cannot load this file`, range };
  }
  if (schema['x-flylint-legacy']) {
    return { kind: 'invalid-type', message: `${where} = ${JSON.stringify(text)} is neither a table nor the legacy "soft,hard" string: flyctl cannot load this file. Write a table with type, soft_limit and hard_limit`, range };
  }
  const patternMessage = schema['x-flylint-pattern-message'];
  if (typeof patternMessage === 'string') {
    const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
    return { kind: 'invalid-value', message: `${where} = ${JSON.stringify(shown)} ${patternMessage}`, range };
  }
  const size = parseMemoryMb(text);
  if (size.ok) return undefined;
  return { kind: 'invalid-value', message: `${where} = ${JSON.stringify(text)} is not a size flyctl can read (${size.error}): write a number and a unit such as "512mb" or "1gb"`, range };
}

