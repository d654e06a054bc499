import type { Rule } from '../server/src/lint/rule.js';
import { appRange } from './production-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-metrics',
    category: 'production',
    severity: 'info',
    env: 'production',
    fix: 'none',
    summary: 'No [metrics]: the app exports no metrics to Fly\'s Prometheus',
    why: 'Fly.io scrapes an app\'s Prometheus endpoint into managed Prometheus and Grafana when `[metrics]` names its port and path; the autoscaler can also scale on those metrics.',
    flyDocs: 'https://fly.io/docs/monitoring/metrics/',
    examples: { bad: 'app = "shop"\n', good: 'app = "shop"\n\n[metrics]\nport = 9091\npath = "/metrics"\n' },
  },
  check(context) {
    // metricsEndpoints also holds the legacy [experimental] metrics_port, which flyctl copies into [metrics].
    if (context.config.metrics.length > 0 || context.config.metricsEndpoints.length > 0 || context.config.root.entries.has('metrics')) return;
    context.report({ message: 'No [metrics] section: add port and path of a Prometheus endpoint to get app metrics in Fly\'s managed Grafana', range: appRange(context) });
  },
};
export default rule;
