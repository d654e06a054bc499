import type { Rule, RuleContext } from '../server/src/lint/rule.js';
import { groupsOf, serviceLabel, type DurationField, type Service, type TopCheck } from '../server/src/fly/model.js';
import { addSubTableFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { publicServices } from './production-helpers.js';
import { tableRange } from './rule-helpers.js';

/** The top-level checks flyctl gives the Machines of a service's process groups. */
function groupChecks(context: RuleContext, s: Service): TopCheck[] {
  const groups = groupsOf(context.config, s.processes);
  return context.config.checks.filter((c) => groupsOf(context.config, c.processes).some((g) => groups.includes(g)));
}

/** Whether a volume is mounted in one of the service's process groups. */
function hasMounts(context: RuleContext, s: Service): boolean {
  const groups = groupsOf(context.config, s.processes);
  return context.config.mounts.some((m) => groupsOf(context.config, m.processes).some((g) => groups.includes(g)));
}

/** The port a top-level check tests: its own, else the group's [http_service] internal_port (flyctl). */
function checkPort(context: RuleContext, c: TopCheck): number | undefined {
  return c.port?.value ?? context.config.services.find((s) => s.kind === 'http_service')?.internalPort?.value;
}

/** A duration as a string with a unit, whatever unit a bare number had where it was written. */
function durationText(field: DurationField | undefined): string | undefined {
  if (!field || field.value === undefined || field.error) return undefined;
  // Service checks are clamped to 1 s … 1 min (flyctl warns and adjusts): copy the value flyctl would use.
  const ms = Math.min(60_000, Math.max(1000, field.value));
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** The lines of a service check copied from a top-level one: what it tests and how often. */
function copiedCheckLines(context: RuleContext, s: Service, c: TopCheck): string[] | undefined {
  const q = (v: string) => stringLiteral(context.doc, v);
  const timing = ([['interval', c.interval], ['timeout', c.timeout], ['grace_period', c.gracePeriod]] as const).flatMap(([key, field]) => {
    const text = durationText(field);
    return text ? [`${key} = ${q(text)}`] : [];
  });
  const type = c.type?.value;
  if (type === 'tcp') return s.kind === 'services' ? timing : undefined;
  if (type !== 'http') return undefined;
  return [
    ...timing,
    ...(c.method ? [`method = ${q(c.method.value.toUpperCase())}`] : []),
    ...(c.path ? [`path = ${q(c.path.value)}`] : []),
    ...(c.protocol ? [`protocol = ${q(c.protocol.value)}`] : []),
  ];
}

const rule: Rule = {
  meta: {
    id: 'missing-health-check',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'A public service without a health check',
    why: [
      'Fly Proxy routes only to Machines whose service checks (`[[http_service.checks]]`, `[[services.tcp_checks]]`, `[[services.http_checks]]`) pass, and `fly deploy` waits for a new Machine\'s checks before it moves on. Without any check, a broken Machine keeps receiving traffic and a bad release rolls out everywhere.',
      '',
      'Top-level `[checks]` count for deploys (flyctl waits for every check of the Machine, top-level ones included) but not for routing. So when the service\'s process group has a top-level check on the port the service forwards to, only routing is missing: that is an info, and the suggestion copies that check (path, method, timings) into the service. Top-level checks on another port (Fly Postgres checks port 5500, not 5432) say nothing a service check could reuse, and the service is not reported.',
      '',
      'A `[[services]]` without a known check gets a TCP check (connect to `internal_port`) as a suggestion; an `[http_service]` gets no suggestion, since only an HTTP check fits there and flylint does not guess which path answers 200. UDP services are not reported: service checks speak TCP or HTTP and cannot test a UDP port. Nor is a service whose group mounts a volume in an app deployed with `strategy = "immediate"`: that deploy ignores checks, and a group with a volume runs on one Machine, so a check would steer nothing.',
    ].join('\n'),
    flyDocs: 'https://fly.io/docs/reference/health-checks/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = "15s"\ntimeout = "2s"\ngrace_period = "10s"\nmethod = "GET"\npath = "/healthz"\n',
    },
  },
  check(context) {
    const { config, doc, text } = context;
    for (const s of publicServices(config.services)) {
      if (s.checks.length > 0) continue;
      if (s.protocol?.value.toLowerCase() === 'udp') continue;
      const label = serviceLabel(s);
      const section = s.kind === 'http_service' ? 'checks' : 'tcp_checks';
      const topLevel = groupChecks(context, s);
      if (topLevel.length > 0) {
        const internal = s.internalPort?.value;
        const same = topLevel.find((c) => internal !== undefined && checkPort(context, c) === internal);
        if (!same) continue;
        const lines = copiedCheckLines(context, s, same);
        const target = s.kind === 'http_service' ? 'checks' : same.type?.value === 'http' ? 'http_checks' : 'tcp_checks';
        const fix = lines && !s.implicit && config.strategy?.value !== 'immediate' ? addSubTableFix(doc, text, s.table, target, lines) : undefined;
        context.report({
          severity: 'info',
          message: `${label} has no service check: the top-level check "${same.name}" on port ${internal} makes deploys wait for a healthy Machine, but only service checks decide routing, so Fly Proxy keeps sending requests to a Machine that fails it. ${lines ? `Add it as [[${s.kind}.${target}]]` : `Add an HTTP check as [[http_service.checks]] (a TCP check cannot go there)`}`,
          range: tableRange(s.table),
          ...(fix ? { suggestions: [{ desc: `Add [[${s.kind}.${target}]] like [checks.${same.name}]`, fix }] } : {}),
        });
        continue;
      }
      const q = (v: string) => stringLiteral(doc, v);
      // With strategy = "immediate" a new check would not gate deploys (immediate-deploy says so):
      // the message says what is missing, without an edit that trades one finding for another.
      const immediate = config.strategy?.value === 'immediate';
      // Nor would it steer traffic where a volume keeps the group on one Machine (the first deploy
      // creates one Machine per group with mounts): a check would do nothing there.
      if (immediate && hasMounts(context, s)) continue;
      const fix = s.kind === 'services' && !s.implicit && !immediate ? addSubTableFix(doc, text, s.table, section, [`interval = ${q('15s')}`, `timeout = ${q('2s')}`, `grace_period = ${q('10s')}`]) : undefined;
      context.report({
        message: `${label} has no health check: Fly Proxy keeps routing requests to a Machine that stopped answering${immediate ? '' : ', and deploys do not wait for new Machines to answer'}. Add ${s.kind === 'http_service' ? '[[http_service.checks]] with a path that answers 200' : '[[services.tcp_checks]] or [[services.http_checks]]'}`,
        range: tableRange(s.table),
        ...(fix ? { suggestions: [{ desc: `Add [[services.${section}]] checking that port ${s.internalPort?.value ?? 'internal_port'} accepts connections`, fix }] } : {}),
      });
    }
  },
};
export default rule;
