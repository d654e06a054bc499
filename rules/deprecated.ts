import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'deprecated',
    category: 'schema',
    severity: 'info',
    env: 'any',
    fix: 'safe',
    summary: 'A legacy shape or key flyctl still rewrites',
    why: 'flyctl still reads the shapes of older configs by rewriting them on load: single `[vm]` and `[services]` tables, `[compute]`, `[mount]` and `[metric]`, string ports, the `"soft,hard"` concurrency string, `build_target`, `[[processes]]` and `[[env]]` arrays. It also ignores Nomad-era keys such as `restart_limit` or `[experimental] private_network`. The modern form means the same to flyctl and is what the docs, `fly launch` and other tools expect; the fix writes it. Forms the configuration reference writes itself are not reported: a single `[mounts]` table, `auto_stop_machines = true` (equivalent to `"stop"`), bare-number `kill_timeout` (seconds) and check times in `[[services]]` (milliseconds). Neither is a legacy list that lists nothing (`processes = []`, `script_checks = []`): flyctl drops it.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[build]\nbuild_target = "prod"\n\n[vm]\nmemory = "1gb"\n',
      good: 'app = "shop"\n\n[build]\nbuild-target = "prod"\n\n[[vm]]\nmemory = "1gb"\n',
    },
  },
  'deprecated',
);
