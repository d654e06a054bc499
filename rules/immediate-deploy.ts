import type { Rule } from '../server/src/lint/rule.js';
import type { FlyConfig } from '../server/src/fly/model.js';
import { valueRange } from './rule-helpers.js';

/** The checks a rolling deploy waits for: service checks, top-level [checks] and machine checks (flyctl counts all of them). */
function deployChecks(config: FlyConfig): string[] {
  const found: string[] = [];
  for (const s of config.services) {
    if (s.checks.length) found.push(s.kind === 'http_service' ? '[[http_service.checks]]' : `the checks of [[services]] #${s.index + 1}`);
  }
  if (config.checks.length) found.push(`[checks] ${config.checks.map((c) => c.name).join(', ')}`);
  if (config.machineChecks.length || config.services.some((s) => s.machineChecks.length)) found.push('the machine checks');
  return found;
}

/** The largest `min_machines_running` of a service: more than one Machine kept running means several are replaced at once. */
function machinesKeptRunning(config: FlyConfig): number {
  return Math.max(0, ...config.services.map((s) => s.minMachinesRunning?.value ?? 0));
}

function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const rule: Rule = {
  meta: {
    id: 'immediate-deploy',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'none',
    summary: 'strategy = "immediate" ignores the health checks the config defines',
    why: [
      'With `strategy = "immediate"`, `fly deploy` updates every Machine at the same time and does not wait for them to start or to pass their checks (flyctl: `skipHealthChecks` and `skipSmokeChecks` for this strategy). A release that fails its checks is then running everywhere, and the deploy still reports success.',
      '',
      'flylint reports it only where that costs something: when the config defines checks a `rolling` deploy would wait for (service checks, top-level `[checks]`, machine checks), or keeps more than one Machine running (`min_machines_running` ≥ 2), where a rolling deploy keeps the others serving. An app with one Machine and no checks — a game server, a worker — loses nothing with `immediate`, and is not reported.',
      '',
      '`canary` and `bluegreen` are named only for apps without `[[mounts]]` (flyctl rejects `canary` with volumes; the docs rule out `bluegreen` with volumes), and `bluegreen` only when there are checks (flyctl refuses it without one).',
    ].join('\n'),
    flyDocs: 'https://fly.io/docs/reference/configuration/#picking-a-deployment-strategy',
    examples: {
      bad: 'app = "shop"\n\n[deploy]\nstrategy = "immediate"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\npath = "/health"\n',
      good: 'app = "shop"\n\n[deploy]\nstrategy = "rolling"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\npath = "/health"\n',
    },
  },
  check({ config, report }) {
    if (config.strategy?.value !== 'immediate') return;
    const checks = deployChecks(config);
    const kept = machinesKeptRunning(config);
    if (checks.length === 0 && kept < 2) return;
    const alternatives = ['"rolling" (the default)'];
    if (config.mounts.length === 0) {
      alternatives.push('"canary"');
      if (checks.length) alternatives.push('"bluegreen"');
    }
    const what = checks.length
      ? `does not wait for ${checks.join(' or ')}: a release that fails them replaces every Machine at once and the deploy still succeeds`
      : `restarts all ${kept} Machines kept running at once and does not wait for them to start: each deploy interrupts the service, and a release that does not boot goes unnoticed`;
    report({
      message: `strategy = "immediate" ${what}. Use ${orList(alternatives)}`,
      range: valueRange(config.strategy),
    });
  },
};
export default rule;
