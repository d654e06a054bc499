import type { Rule } from '../server/src/lint/rule.js';

/** Reported by the parser; this module carries the rule's metadata and docs. */
const rule: Rule = {
  meta: {
    id: 'toml-duplicate-key',
    category: 'toml',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A key or table is defined twice',
    why: 'TOML forbids defining a key twice, redefining a table, or extending an array or inline table after the fact; flyctl rejects the whole file. The finding points at the second definition and links to the first.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[http_service]\nforce_https = true\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nforce_https = true\n',
    },
  },
  check() {},
};
export default rule;
