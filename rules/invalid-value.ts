import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'invalid-value',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A value outside what flyctl accepts',
    why: 'Enumerations (restart policy, compression, autostop mode …), ranges and formats (durations such as `"30s"`, sizes such as `"1gb"`) that flyctl rejects make it refuse the whole config.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[[restart]]\npolicy = "on_failure"\n',
      good: 'app = "shop"\n\n[[restart]]\npolicy = "on-failure"\n',
    },
  },
  'invalid-value',
);
