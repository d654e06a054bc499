import type { Rule } from '../server/src/lint/rule.js';

/** Reported by the parser; this module carries the rule's metadata and docs. */
const rule: Rule = {
  meta: {
    id: 'toml-version',
    category: 'toml',
    severity: 'info',
    env: 'any',
    fix: 'safe',
    summary: 'TOML 1.1-only syntax',
    why: 'flyctl reads TOML 1.1 since v0.4.67, but older flyctl versions and many other tools (editors, formatters, CI scripts) only read TOML 1.0 and reject the file. Where a TOML 1.0 spelling exists, the fix rewrites it.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nconcurrency = { type = "requests",\n  soft_limit = 20 }\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nconcurrency = { type = "requests", soft_limit = 20 }\n',
    },
  },
  check() {},
};
export default rule;
