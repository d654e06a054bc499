import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'unknown-key',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'A key flyctl silently ignores',
    why: 'flyctl ignores keys it does not know, at every depth, without a word: a typo such as `auto_stop_machine` or a key in the wrong section (`swap_size_mb` under `[build]`) just does nothing. `fly config validate --strict` finds some of them, but never inside `[[services]]`, `[[vm]]` or `[[mounts]]`; flylint checks every table.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machine = "stop"\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\n',
    },
  },
  'unknown-key',
);
