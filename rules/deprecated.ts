import type { RuleContext } from '../server/src/lint/rule.js';
import type { TomlTable, TomlValue } from '../server/src/toml/values.js';
import type { KeySegmentNode } from '../server/src/toml/ast.js';
import { keysAt, flySchema } from '../server/src/schema/schema-lookup.js';
import type { Rule } from '../server/src/lint/rule.js';

/** Single tables flyctl rewrites into arrays of tables: `[vm]` → `[[vm]]`. */
const ARRAY_SECTIONS = new Set(['vm', 'compute', 'computes', 'mounts', 'mount', 'services']);

function headerFix(context: RuleContext, value: TomlTable, name: string): { range: [number, number]; text: string } | undefined {
  const node = value.node;
  if (node.kind !== 'table' || !node.key || node.key.segments.length !== 1) return undefined;
  // A sub-table header below it (`[services.ports]`) would need rewriting too: leave those alone.
  if (context.doc.tables.some((t) => t !== node && t.key?.segments[0]?.name === name)) return undefined;
  const header = context.text.slice(node.header.start, node.header.end);
  return { range: [node.header.start, node.header.end], text: `[${header}]` };
}

function check(context: RuleContext): void {
  const root = context.value;
  for (const [name, entry] of root.entries) {
    const value = entry.value;
    const alias = (flySchema.properties?.[name] as { 'x-flylint-alias-of'?: string } | undefined)?.['x-flylint-alias-of'];
    if (alias) {
      const fix = entry.key.quote === 'bare' && !root.entries.has(alias) ? { fix: { range: [entry.key.start, entry.key.end] as [number, number], text: alias } } : {};
      context.report({ message: `"${name}" is a legacy spelling of "${alias}"; flyctl still reads it`, range: [entry.key.start, entry.key.end], tags: ['deprecated'], ...fix });
    }
    if (ARRAY_SECTIONS.has(name) && value.type === 'table' && value.origin === 'header') {
      const fix = headerFix(context, value, name);
      context.report({ message: `A single [${name}] table is the legacy form of [[${alias ?? name}]] (an array of tables); flyctl still rewrites it`, range: [entry.key.start, entry.key.end], tags: ['deprecated'], ...(fix ? { fix } : {}) });
    }
  }
  const processes = root.entries.get('processes');
  if (processes?.value.type === 'array') {
    const empty = processes.value.items.length === 0 || processes.value.items.every((i) => i.type === 'table' && i.entries.size === 0);
    context.report({
      message: empty ? 'An empty "processes" list is a legacy way of saying "no process groups"; remove it' : 'The [[processes]] array form is legacy: write [processes] with name = "command" lines',
      range: [processes.key.start, processes.key.end],
      tags: ['deprecated'],
    });
  }
  const env = root.entries.get('env');
  if (env?.value.type === 'array') context.report({ message: 'The [[env]] array form is legacy: write one [env] table', range: [env.key.start, env.key.end], tags: ['deprecated'] });
  const killTimeout = root.entries.get('kill_timeout');
  if (killTimeout && (killTimeout.value.type === 'integer' || killTimeout.value.type === 'float')) {
    const seconds = Math.trunc(Number(killTimeout.value.value));
    context.report({
      message: `kill_timeout = ${String(killTimeout.value.value)} is read as ${seconds} seconds; write the unit: "${seconds}s"`,
      range: [killTimeout.value.node.start, killTimeout.value.node.end],
      tags: ['deprecated'],
      fix: { range: [killTimeout.value.node.start, killTimeout.value.node.end], text: `"${seconds}s"` },
    });
  }
  for (const service of servicesOf(root)) {
    const autostop = service.entries.get('auto_stop_machines');
    if (autostop?.value.type === 'boolean') {
      const modern = autostop.value.value ? 'stop' : 'off';
      context.report({
        message: `auto_stop_machines = ${String(autostop.value.value)} is the legacy spelling of "${modern}"`,
        range: [autostop.value.node.start, autostop.value.node.end],
        tags: ['deprecated'],
        fix: { range: [autostop.value.node.start, autostop.value.node.end], text: `"${modern}"` },
      });
    }
  }
  reportDeprecatedKeys(context, root, []);
}

function servicesOf(root: TomlTable): TomlTable[] {
  const out: TomlTable[] = [];
  const http = root.entries.get('http_service')?.value;
  if (http?.type === 'table') out.push(http);
  const services = root.entries.get('services')?.value;
  if (services?.type === 'table') out.push(services);
  if (services?.type === 'array') out.push(...services.items.filter((i): i is TomlTable => i.type === 'table'));
  return out;
}

/** Keys the schema marks deprecated (`deprecationMessage`), wherever they are; maps (`[env]` …) hold no keys of flyctl's. */
function reportDeprecatedKeys(context: RuleContext, table: TomlTable, path: string[]): void {
  const known = keysAt(path);
  for (const [name, entry] of table.entries) {
    const schema = known[name];
    if (!schema) continue;
    const message = schema.deprecationMessage;
    if (typeof message === 'string') report(context, entry.key, `"${name}" is deprecated. ${message}`);
    if (schema['x-flylint-map'] || schema['x-flylint-named']) continue;
    for (const child of tablesIn(entry.value)) reportDeprecatedKeys(context, child, [...path, name]);
  }
}

function tablesIn(value: TomlValue): TomlTable[] {
  if (value.type === 'table') return [value];
  if (value.type === 'array') return value.items.filter((i): i is TomlTable => i.type === 'table');
  return [];
}

function report(context: RuleContext, key: KeySegmentNode, message: string): void {
  context.report({ message, range: [key.start, key.end], tags: ['deprecated'] });
}

const rule: Rule = {
  meta: {
    id: 'deprecated',
    category: 'schema',
    severity: 'info',
    env: 'any',
    fix: 'safe',
    summary: 'A legacy shape or key flyctl still rewrites',
    why: 'flyctl still reads the shapes of older configs (single `[vm]` and `[mounts]` tables, boolean `auto_stop_machines`, integer `kill_timeout`, `[compute]`, `build_target` …) by rewriting them on load, and ignores some Nomad-era keys altogether. The modern form says the same thing in the way the docs, `fly launch` and other tools expect.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\nkill_timeout = 5\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = true\n\n[vm]\nmemory = "1gb"\n',
      good: 'app = "shop"\nkill_timeout = "5s"\n\n[http_service]\ninternal_port = 8080\nauto_stop_machines = "stop"\n\n[[vm]]\nmemory = "1gb"\n',
    },
  },
  check,
};
export default rule;
