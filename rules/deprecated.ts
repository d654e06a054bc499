import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'deprecated',
    category: 'schema',
    severity: 'info',
    env: 'any',
    fix: 'safe',
    summary: 'A legacy shape or key flyctl still rewrites',
    why: 'flyctl still reads the shapes of older configs by rewriting them on load: single `[vm]`, `[mounts]` and `[services]` tables, `[compute]`, `[mount]` and `[metric]`, boolean `auto_stop_machines`, bare-number `kill_timeout` and check durations, string ports, the `"soft,hard"` concurrency string, `build_target`, `[[processes]]` and `[[env]]` arrays. It also ignores Nomad-era keys such as `[experimental] allowed_public_ports`. The modern form means the same to flyctl and is what the docs, `fly launch` and other tools expect; the fix writes it.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\nkill_timeout = 5\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = true\n\n[vm]\nmemory = "1gb"\n',
      good: 'app = "shop"\nkill_timeout = "5s"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\n\n[[vm]]\nmemory = "1gb"\n',
    },
  },
  'deprecated',
);
