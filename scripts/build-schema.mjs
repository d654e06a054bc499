#!/usr/bin/env node
// Checks schemas/fly.schema.json (ajv's strict mode, and that flylint's validator implements every
// keyword it uses) and writes it with its references resolved; compiles the config file's schema
// into a standalone ajv validator, so that no schema is compiled when flylint starts.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { resolveRefs } from './resolve-refs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'server', 'src', 'schema', 'generated');
mkdirSync(outDir, { recursive: true });

/** Annotations the schema carries for flylint's own use (docs, shapes, legacy forms, which rule checks a key). */
export const ANNOTATIONS = [
  'deprecationMessage',
  'x-flylint-alias-of',
  'x-flylint-checked-by',
  'x-flylint-duration',
  'x-flylint-enum-docs',
  'x-flylint-hints',
  'x-flylint-int-string',
  'x-flylint-legacy',
  'x-flylint-legacy-string',
  'x-flylint-legacy-values',
  'x-flylint-map',
  'x-flylint-modernize',
  'x-flylint-named',
  'x-flylint-no-effect',
  'x-flylint-pattern-message',
  'x-flylint-number-as-string',
  'x-flylint-preferred',
  'x-flylint-required-severity',
  'x-flylint-shape',
  'x-flylint-soft-enum',
  'x-flylint-wants-one-of',
  'x-flylint-wrong-type',
];
const ANNOTATION_KEYWORDS = new Set([...ANNOTATIONS, 'description', 'default', 'title']);

// The keywords server/src/schema/validate-schema.ts implements, and those that carry no check.
const VALIDATION_KEYWORDS = new Set(['type', 'enum', 'anyOf', 'if', 'then', 'required', 'properties', 'additionalProperties', 'items', 'pattern', 'minimum', 'maximum']);
const OTHER_KEYWORDS = new Set(['$schema', '$id', '$ref', 'definitions']);

/**
 * flylint validates with its own code, which knows only VALIDATION_KEYWORDS: a schema that needs
 * another keyword must not build, or it would pass configs it should not.
 */
function assertValidatorCovers(schema, where = '#') {
  if (schema === true) return;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${where}: a schema must be an object (or true)`);
  if (schema.$ref) {
    const beside = Object.keys(schema).filter((k) => k !== '$ref' && !ANNOTATION_KEYWORDS.has(k));
    // References are resolved by merging (scripts/resolve-refs.mjs): a check beside one would replace the target's.
    if (beside.length) throw new Error(`${where}: only annotations may stand beside $ref, not ${beside.join(', ')}`);
  }
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATION_KEYWORDS.has(keyword) || OTHER_KEYWORDS.has(keyword)) continue;
    if (!VALIDATION_KEYWORDS.has(keyword)) throw new Error(`${where}: the schema validator does not implement "${keyword}"`);
    if (keyword === 'enum' && value.some((v) => v !== null && typeof v === 'object')) throw new Error(`${where}/enum: only strings, numbers and booleans`);
    if (keyword === 'items' && Array.isArray(value)) throw new Error(`${where}/items: one schema, not a list`);
    if (keyword === 'if' && !schema.then) throw new Error(`${where}: an if needs a then (else is not implemented)`);
  }
  for (const name of ['properties', 'definitions']) for (const [key, child] of Object.entries(schema[name] ?? {})) assertValidatorCovers(child, `${where}/${name}/${key}`);
  for (const name of ['items', 'if', 'then']) if (schema[name] !== undefined) assertValidatorCovers(schema[name], `${where}/${name}`);
  if (typeof schema.additionalProperties === 'object') assertValidatorCovers(schema.additionalProperties, `${where}/additionalProperties`);
  (schema.anyOf ?? []).forEach((branch, i) => assertValidatorCovers(branch, `${where}/anyOf/${i}`));
}

/**
 * The schema check reports, of an anyOf, the branch the value's JSON type takes: that only works
 * when no two branches accept the same type.
 */
function assertTypeDisjointAnyOf(schema, where = '#') {
  if (!schema || typeof schema !== 'object') return;
  const typesOf = (s) => {
    if (s.$ref) return typesOf(s.$ref.slice(2).split('/').reduce((node, part) => node[part], schemaJson));
    const own = s.type === undefined ? [] : [s.type].flat();
    return own.flatMap((t) => (t === 'number' ? ['number', 'integer'] : [t]));
  };
  if (Array.isArray(schema.anyOf)) {
    const seen = new Map();
    schema.anyOf.forEach((branch, i) => {
      const types = typesOf(branch);
      if (types.length === 0) throw new Error(`${where}/anyOf/${i}: a branch must name its type`);
      for (const t of types) {
        if (seen.has(t)) throw new Error(`${where}/anyOf: branches ${seen.get(t)} and ${i} both accept ${t}`);
        seen.set(t, i);
      }
    });
  }
  for (const [keyword, value] of Object.entries(schema)) {
    if (value && typeof value === 'object' && keyword !== 'enum' && keyword !== 'default' && !keyword.startsWith('x-flylint-')) {
      for (const [k, child] of Object.entries(value)) assertTypeDisjointAnyOf(child, `${where}/${keyword}/${k}`);
    }
  }
}

const schemaJson = JSON.parse(readFileSync(join(root, 'schemas', 'fly.schema.json'), 'utf8'));
assertTypeDisjointAnyOf(schemaJson);
assertValidatorCovers(schemaJson);
// ajv's strict mode catches a misspelt keyword or a schema that is not valid JSON Schema; the
// tests hold flylint's validator to ajv's errors with these options.
const annotated = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true, unicodeRegExp: true, inlineRefs: false });
annotated.addVocabulary(ANNOTATIONS);
annotated.compile(schemaJson);
rmSync(join(outDir, 'fly-validator.js'), { force: true });
rmSync(join(outDir, 'fly-validator.d.ts'), { force: true });

// The schema with its references resolved, for messages, hover and completion; a JSON string,
// since JSON.parse reads one faster than the engine compiles the same object literal.
const resolved = JSON.stringify(JSON.stringify(resolveRefs(schemaJson)));
writeFileSync(join(outDir, 'fly-schema-resolved.js'), `// Generated by scripts/build-schema.mjs from schemas/fly.schema.json. Do not edit.\nexport default JSON.parse(${resolved});\n`);
writeFileSync(join(outDir, 'fly-schema-resolved.d.ts'), `declare const schema: { [keyword: string]: unknown };\nexport default schema;\n`);

// The config file's schema, compiled the same way.
const configSchema = JSON.parse(readFileSync(join(root, 'schemas', 'flylint-config.schema.json'), 'utf8'));
const configAjv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
const validateConfig = configAjv.compile(configSchema);
writeFileSync(join(outDir, 'config-validator.js'), `// Generated by scripts/build-schema.mjs from schemas/flylint-config.schema.json. Do not edit.\n${standaloneCode(configAjv, validateConfig)}`);
writeFileSync(join(outDir, 'config-validator.d.ts'), `import type { ErrorObject } from 'ajv';\ndeclare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };\nexport default validate;\n`);
