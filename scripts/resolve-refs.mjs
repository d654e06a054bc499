// A JSON schema with every local `$ref` replaced by its target (the keywords beside a `$ref` win
// over the definition's), so that code reading the schema walks plain `properties`, `items` and
// `anyOf`. Run at build time: resolving at start-up cost the CLI ~15 ms per run.
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);

function pointer(root, ref) {
  if (!ref.startsWith('#')) return undefined;
  let current = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = current && typeof current === 'object' ? current[part] : undefined;
  }
  return current;
}

export function resolveRefs(root) {
  const resolve = (node, depth) => {
    if (Array.isArray(node)) return node.map((n) => resolve(n, depth));
    if (!node || typeof node !== 'object' || depth > 64) return node;
    let source = node;
    while (typeof source.$ref === 'string') {
      const { $ref, ...siblings } = source;
      const target = pointer(root, $ref);
      if (!target || typeof target !== 'object') break;
      source = { ...target, ...siblings };
    }
    const out = {};
    for (const [keyword, value] of Object.entries(source)) {
      if (keyword === 'definitions' || keyword === '$ref') continue;
      if (keyword === 'enum' || keyword === 'default' || keyword.startsWith('x-flylint-')) out[keyword] = value;
      else if (SCHEMA_MAPS.has(keyword) && value && typeof value === 'object') out[keyword] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, resolve(child, depth + 1)]));
      else out[keyword] = resolve(value, depth + 1);
    }
    return out;
  };
  return resolve(root, 0);
}
