import type { Rule } from '../server/src/lint/rule.js';
import { appRange } from './production-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-metrics',
    category: 'production',
    severity: 'info',
    // Fly.io collects the platform metrics of every app (CPU, memory, network, proxy traffic)
    // without any config: only apps that expose metrics of their own need [metrics].
    optIn: true,
    env: 'production',
    fix: 'none',
    summary: 'No [metrics]: the app\'s own Prometheus metrics are not scraped',
    why: 'Fly.io collects built-in metrics for every app (Machine CPU, memory, network, Fly Proxy requests and responses) and shows them in its managed Grafana without any config. `[metrics]` is only for an app that serves metrics of its own on a Prometheus endpoint: it names that port and path, and Fly.io scrapes them into the same managed Prometheus, where the autoscaler can also scale on them. Off by default, as most apps need nothing here; turn it on for projects whose apps all export their own metrics.',
    flyDocs: 'https://fly.io/docs/monitoring/metrics/',
    examples: { bad: 'app = "shop"\n', good: 'app = "shop"\n\n[metrics]\nport = 9091\npath = "/metrics"\n' },
  },
  check(context) {
    // metricsEndpoints also holds the legacy [experimental] metrics_port, which flyctl copies into [metrics].
    if (context.config.metrics.length > 0 || context.config.metricsEndpoints.length > 0 || context.config.root.entries.has('metrics')) return;
    context.report({ message: 'No [metrics] section: Fly.io collects its built-in metrics of this app anyway; if the app serves Prometheus metrics of its own, add [metrics] with their port and path to have them scraped', range: appRange(context) });
  },
};
export default rule;
