import type { Rule } from '../server/src/lint/rule.js';

/** Reported by the parser; this module carries the rule's metadata and docs. */
const rule: Rule = {
  meta: {
    id: 'toml-syntax',
    category: 'toml',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'The file is not valid TOML',
    why: 'flyctl cannot load a config that is not valid TOML: `fly deploy`, `fly config validate` and every other command stop at the first syntax error. flylint keeps reading after each error, so every broken line of the file is listed at once, with one error each. A file that is a template (`{{ … }}`, `{% … %}`, `<% … %>`, `${VAR}` where TOML expects a key or value) gets one error that says so: lint the rendered config instead.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\nprimary_region = "ord\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\nprimary_region = "ord"\n\n[http_service]\ninternal_port = 8080\n',
    },
  },
  check() {},
};
export default rule;
