import type { Rule } from '../server/src/lint/rule.js';
import { setServiceKey } from './production-helpers.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { valueRange, tableRange } from './rule-helpers.js';
import { flycastUsesOf, servicePorts } from '../server/src/fly/flycast.js';

const rule: Rule = {
  meta: {
    id: 'missing-force-https',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'A public HTTP service that does not redirect to HTTPS',
    why: 'Without `force_https = true`, requests over plain HTTP on port 80 are served unencrypted instead of being redirected to HTTPS. Services reached over Flycast are the exception: Flycast is HTTP-only, and the docs require `force_https = false` there. A service counts as reached over Flycast when a config of the project (its own or another) names `<app>.flycast` on one of its ports (port 80 when none is written), and for apps declared private. An explicit `force_https = false` is taken as a choice made on purpose (a Flycast client outside the project, a CDN in front of the app) and is not reported either.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-http_service-section',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nforce_https = true\n',
    },
  },
  check(context) {
    if (context.settings.privateApp) return;
    // Ports some config of the project reaches over Flycast, which is HTTP-only: force_https must stay off there.
    const flycastPorts = new Set(flycastUsesOf(context.config, context.project).map((u) => u.port));
    for (const s of context.config.services) {
      if (s.kind === 'http_service') {
        if (servicePorts(s).some((p) => flycastPorts.has(p))) continue;
        // Written false on purpose (a Flycast consumer outside the project, a CDN in front): a choice.
        if (s.forceHttps) continue;
        const fix = setServiceKey(context, s, 'force_https', 'true');
        context.report({
          message: '[http_service] serves plain HTTP on port 80 without redirecting to HTTPS. Set force_https = true',
          range: tableRange(s.table),
          ...(fix ? { suggestions: [{ desc: 'Set force_https = true', fix }] } : {}),
        });
        continue;
      }
      for (const port of s.ports) {
        if (!port.handlers.includes('http') || port.handlers.includes('tls') || port.forceHttps) continue;
        if (port.port && port.port.value !== 80) continue;
        if (flycastPorts.has(port.port?.value ?? 80)) continue;
        const fix = insertKeyFix(context.doc, context.text, port.table, 'force_https', 'true');
        context.report({
          message: 'This HTTP port serves plain HTTP without redirecting to HTTPS. Set force_https = true',
          range: port.port ? valueRange(port.port) : tableRange(port.table),
          ...(fix ? { suggestions: [{ desc: 'Set force_https = true', fix }] } : {}),
        });
      }
    }
  },
};
export default rule;
