import type { Rule } from '../server/src/lint/rule.js';
import { setServiceKey } from './production-helpers.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import { valueRange, tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'missing-force-https',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'A public HTTP service that does not redirect to HTTPS',
    why: 'Without `force_https = true`, requests over plain HTTP on port 80 are served unencrypted instead of being redirected to HTTPS. (Private apps reached over Flycast are the exception: Flycast is HTTP-only.)',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-http_service-section',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nforce_https = true\n',
    },
  },
  check(context) {
    if (context.settings.privateApp) return;
    for (const s of context.config.services) {
      if (s.kind === 'http_service') {
        if (s.forceHttps?.value === true) continue;
        const fix = setServiceKey(context, s, 'force_https', 'true');
        context.report({
          message: '[http_service] serves plain HTTP on port 80 without redirecting to HTTPS. Set force_https = true',
          range: s.forceHttps ? valueRange(s.forceHttps) : tableRange(s.table),
          ...(fix ? { suggestions: [{ desc: 'Set force_https = true', fix }] } : {}),
        });
        continue;
      }
      for (const port of s.ports) {
        if (!port.handlers.includes('http') || port.handlers.includes('tls') || port.forceHttps?.value === true) continue;
        if (port.port && port.port.value !== 80) continue;
        const fix = port.forceHttps ? { range: valueRange(port.forceHttps), text: 'true' } : insertKeyFix(context.doc, context.text, port.table, 'force_https', 'true');
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
