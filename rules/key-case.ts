import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'key-case',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'safe',
    summary: 'A key written in non-canonical case',
    why: 'flyctl matches keys case-insensitively, so `Primary_Region` works, but its rewrites of legacy values look keys up in lower case only: `Kill_Timeout = 5` skips the seconds conversion and means 5 nanoseconds. Write keys in lower case.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: { bad: 'app = "shop"\nKill_Timeout = 5\n', good: 'app = "shop"\nkill_timeout = "5s"\n' },
  },
  'key-case',
);
