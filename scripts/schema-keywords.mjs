// What schemas/fly.schema.json may say: the annotations flylint reads, and the validation
// keywords server/src/schema/validate-schema.ts implements. The build checks the schema here.

/** Annotations the schema carries for flylint's own use (docs, shapes, legacy forms, which rule checks a key). */
export const ANNOTATIONS = [
  'deprecationMessage',
  'x-flylint-alias-of',
  'x-flylint-checked-by',
  'x-flylint-decoded-enum',
  'x-flylint-duration',
  'x-flylint-enum-docs',
  'x-flylint-exact-case',
  'x-flylint-hints',
  'x-flylint-int-string',
  'x-flylint-documented-form',
  'x-flylint-legacy',
  'x-flylint-legacy-string',
  'x-flylint-map',
  'x-flylint-modernize',
  'x-flylint-named',
  'x-flylint-no-effect',
  'x-flylint-pattern-message',
  'x-flylint-number-as-string',
  'x-flylint-preferred',
  'x-flylint-rewritten-to-string',
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
export function assertValidatorCovers(schema, where = '#') {
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
