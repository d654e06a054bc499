import type { RuleContext } from '../server/src/lint/rule.js';
import type { TomlValue } from '../server/src/toml/values.js';
import { schemaRule } from './schema-rule.js';

/** flyctl's JSON step cannot encode nan or inf: fatal anywhere but [env], where values are stringified first. */
function reportNonFinite(context: RuleContext): void {
  const visit = (value: TomlValue, path: string[]) => {
    if (value.type === 'table') {
      for (const [key, entry] of value.entries) if (!(path.length === 0 && key === 'env')) visit(entry.value, [...path, key]);
    } else if (value.type === 'array') {
      value.items.forEach((item) => visit(item, path));
    } else if (value.type === 'float' && !Number.isFinite(value.value as number)) {
      context.report({ message: `"${path[path.length - 1] ?? ''}" is ${String(value.value)}: flyctl cannot load nan or inf outside [env] ("json: unsupported value")`, range: [value.node.start, value.node.end] });
    }
  };
  visit(context.value, []);
}

export default schemaRule(
  {
    id: 'invalid-type',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A shape or type flyctl cannot load',
    why: 'flyctl converts fly.toml to typed Go structs: a string where a list is required (`processes = "app"`), a string port in `[http_service]`, `[[http_service]]` instead of `[http_service]`, a fractional number in an integer field, `nan`/`inf` … make it reject the whole config, and every command fails until it is fixed. flyctl reports only the first such error; flylint reports all of them.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = "8080"\nprocesses = "app"\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["app"]\n',
    },
  },
  'invalid-type',
  reportNonFinite,
);
