// Derives the schema for other TOML tools (Taplo / Even Better TOML, Tombi, SchemaStore) from
// schemas/fly.schema.json. flylint's own schema says everything flylint knows, and flylint decides
// per key how loud a finding is; a plain JSON Schema tool reports every violation as an error. So
// the tools' schema keeps only what makes flyctl fail to load, validate or deploy a config
// (test/data/spec/fly-toml-reference.md §1, §5) and every piece of documentation.
import { resolveRefs } from './resolve-refs.mjs';

export const TOOLS_SCHEMA_PATH = 'schemas/fly.tools.schema.json';
export const TOOLS_SCHEMA_URL = 'https://raw.githubusercontent.com/flylint/flylint/main/schemas/fly.tools.schema.json';

/**
 * Rules that check a key in place of the schema, and whose checks depend on other keys or are not
 * flyctl's: `vm-sizing` (flyctl passes cpu_kind and gpu_kind on unchecked, §5.5), `invalid-mount`
 * (the auto-extend bounds apply only when auto-extend is used, §5.2 10g–10j; 0 means unset). Their
 * enums and bounds are left to flylint. `deploy-strategy` and `check-timing` keep their enums:
 * flyctl's Validate() rejects any other strategy or check type (§5.2 rows 3 and 5a).
 */
const CONTEXTUAL_RULES = new Set(['vm-sizing', 'invalid-mount']);

/**
 * Required keys flyctl itself never asks for: it loads, validates and converts a config without
 * them, and only the platform refuses the deploy. `internal_port` ([http_service], a [[services]]
 * with ports) is sent as port 0, which the Machines API documents as required (reference §3.8,
 * §3.9); a mount's `source` is "required in practice (not checked locally)" (§3.7, §5.5). flylint
 * reports them (missing-required); here they would be errors on configs `fly config validate`
 * passes, as in four real ones of the corpus.
 */
const PLATFORM_REQUIRED = new Set(['internal_port', 'source']);

function docsOf(node) {
  const parts = [];
  if (typeof node.description === 'string') parts.push(node.description);
  if (typeof node.deprecationMessage === 'string') parts.push(`**Deprecated.** ${node.deprecationMessage}`);
  const enumDocs = node['x-flylint-enum-docs'];
  if (enumDocs && typeof enumDocs === 'object') {
    parts.push(Object.entries(enumDocs).map(([value, doc]) => `- \`${JSON.stringify(value).slice(1, -1)}\`: ${doc}`).join('\n'));
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

/** The names a `required` keeps: those flyctl fails without. */
function requiredKept(node) {
  return (node.required ?? []).filter((name) => !PLATFORM_REQUIRED.has(name));
}

/** A JSON type list with `integer` widened: flyctl takes an integral float wherever it takes an integer (§1 step 4). */
function widenIntegers(type) {
  const list = [type].flat();
  if (!list.includes('integer') || list.includes('number')) return type;
  const widened = list.map((t) => (t === 'integer' ? 'number' : t));
  return widened.length === 1 ? widened[0] : widened;
}

function transform(node) {
  if (Array.isArray(node)) return node.map(transform);
  if (!node || typeof node !== 'object') return node;
  const contextual = CONTEXTUAL_RULES.has(node['x-flylint-checked-by']);
  const soft = Boolean(node['x-flylint-soft-enum']) || (contextual && Array.isArray(node.enum));
  const out = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword.startsWith('x-flylint-') || keyword === 'deprecationMessage' || keyword === 'description') continue;
    switch (keyword) {
      case 'additionalProperties':
        // flyctl ignores unknown keys (§1 step 4); flylint reports them, with the key it likely meant.
        // `true`, not absent: Tombi's strict mode warns about keys of a table that does not say so.
        out.additionalProperties = value === false ? true : transform(value);
        break;
      case 'required': {
        const kept = requiredKept(node);
        if (kept.length) out.required = kept;
        break;
      }
      case 'enum':
        // A value flyctl passes on unchecked: offered for completion, never an error.
        if (soft) out.examples = value;
        else out.enum = value;
        break;
      case 'minimum':
      case 'maximum':
        if (!contextual) out[keyword] = value;
        break;
      case 'type':
        // flyctl silently ignores a value of another type here (a duration it takes as absent, §2.1).
        // Every type, not none: Tombi takes a schema with a pattern and no type for a string.
        if (node['x-flylint-wrong-type'] === 'ignored') {
          out.type = ['string', 'number', 'boolean', 'array', 'object'];
          break;
        }
        out.type = widenIntegers(value);
        if ([value].flat().includes('integer') && ![value].flat().includes('number')) out.multipleOf = 1;
        break;
      case 'if':
      case 'then':
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, transform(child)]));
        break;
      default:
        out[keyword] = transform(value);
    }
  }
  // `if ports then internal_port`: kept only if flyctl fails without the key.
  if (node.if && node.then) {
    const thenKept = requiredKept(node.then);
    if (thenKept.length) {
      out.if = transform(node.if);
      out.then = { required: thenKept };
    }
  }
  // Maps ([env], [processes], headers …) and every other table: flyctl ignores keys it does not know.
  if ([node.type].flat().includes('object') && out.additionalProperties === undefined) out.additionalProperties = true;
  const docs = docsOf(node);
  if (docs !== undefined) out.description = docs;
  const enumDocs = node['x-flylint-enum-docs'];
  if (enumDocs && Array.isArray(out.enum)) {
    out['x-taplo'] = { docs: { enumValues: out.enum.map((v) => (typeof v === 'string' && typeof enumDocs[v] === 'string' ? enumDocs[v] : null)) } };
  }
  return order(out);
}

/** Keywords that apply to values of one JSON type only (ajv's strictTypes wants that type beside them). */
const TYPED_KEYWORDS = {
  string: ['pattern'],
  number: ['multipleOf', 'minimum', 'maximum'],
  array: ['items'],
  object: ['properties', 'additionalProperties', 'required'],
};

/**
 * SchemaStore validates schemas with ajv in strict mode: no union `type`, and a keyword that
 * applies to one type only next to that type. A union becomes an anyOf with one branch per type,
 * each with its type's keywords; documentation, enum and default stay on the node.
 */
function strictTypes(node) {
  if (Array.isArray(node)) return node.map(strictTypes);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'enum' || k === 'examples' || k === 'default' || k === 'x-taplo' ? v : k === 'properties' ? Object.fromEntries(Object.entries(v).map(([n, c]) => [n, strictTypes(c)])) : strictTypes(v)]));
  const types = out.type === undefined ? [] : [out.type].flat();
  if (types.length > 1) {
    if (out.anyOf) throw new Error('a union type beside an anyOf');
    const branches = types.map((t) => {
      const branch = { type: t };
      for (const keyword of TYPED_KEYWORDS[t === 'integer' ? 'number' : t] ?? []) if (out[keyword] !== undefined) branch[keyword] = out[keyword];
      if (t === 'object' && branch.additionalProperties === undefined) branch.additionalProperties = true;
      return branch;
    });
    for (const keyword of ['type', ...Object.values(TYPED_KEYWORDS).flat()]) delete out[keyword];
    out.anyOf = branches;
  } else if (types.length === 0 && !out.anyOf && TYPED_KEYWORDS.object.some((k) => out[k] !== undefined)) {
    // A table in every case flyctl reads (an item of [[processes]], say).
    out.type = 'object';
  }
  return order(out);
}

/** Documentation first, then the checks: the order a reader of the file expects. */
const ORDER = ['$schema', '$id', 'title', 'description', 'x-taplo', 'type', 'multipleOf', 'enum', 'examples', 'default', 'pattern', 'minimum', 'maximum', 'required', 'properties', 'additionalProperties', 'items', 'anyOf', 'if', 'then'];
function order(node) {
  const rank = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The tools' schema, as an object. */
export function toolsSchema(source, id = TOOLS_SCHEMA_URL) {
  const body = strictTypes(transform(resolveRefs(source)));
  const { $schema, $id, title, description, ...rest } = body;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: id,
    title,
    description: `${description}\n\nGenerated by flylint from its own schema: only what makes flyctl fail to load, validate or deploy a config is an error here. flylint reports the rest (unknown keys, legacy forms, the production checklist).`,
    // flyctl reads TOML 1.1 (go-toml 2.4, §1.1): Tombi then accepts its syntax too.
    'x-tombi-toml-version': 'v1.1.0',
    ...rest,
  };
}

/** The file's text: stable formatting, so that a stale copy shows as a diff. */
export function toolsSchemaText(source, id) {
  return `${JSON.stringify(toolsSchema(source, id), null, 2)}\n`;
}
