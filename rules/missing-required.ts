import type { RuleContext } from '../server/src/lint/rule.js';
import type { TomlTable, TomlValue } from '../server/src/toml/values.js';
import { rangeOfValue } from '../server/src/schema/locate.js';
import { schemaRule } from './schema-rule.js';

/** Sections whose entries flyctl (or the platform at deploy) cannot use without these keys. */
const REQUIRED: Array<{ section: string[]; keys: string[][]; what: string; severity?: 'warning' }> = [
  // flyctl loads and validates a mount without a source; the volume lookup fails only at deploy.
  { section: ['mounts'], keys: [['source']], what: 'a volume mount', severity: 'warning' },
  { section: ['mount'], keys: [['source']], what: 'a volume mount', severity: 'warning' },
  { section: ['mounts'], keys: [['destination']], what: 'a volume mount' },
  { section: ['mount'], keys: [['destination']], what: 'a volume mount' },
  { section: ['statics'], keys: [['guest_path'], ['url_prefix']], what: 'a statics mapping' },
  { section: ['files'], keys: [['guest_path'], ['local_path', 'secret_name', 'raw_value']], what: 'a file' },
  { section: ['machine_checks'], keys: [['command']], what: 'a machine check' },
];

function tablesOf(value: TomlValue | undefined): TomlTable[] {
  if (!value) return [];
  if (value.type === 'table') return [value];
  if (value.type === 'array') return value.items.filter((i): i is TomlTable => i.type === 'table');
  return [];
}

function checkRequired(context: RuleContext): void {
  for (const { section, keys, what, severity } of REQUIRED) {
    for (const table of tablesOf(context.value.entries.get(section[0]!)?.value)) {
      for (const alternatives of keys) {
        if (alternatives.some((k) => table.entries.has(k))) continue;
        const names = alternatives.map((k) => `"${k}"`).join(' or ');
        context.report({ message: `[[${section.join('.')}]] needs ${names}: ${what} without it cannot be deployed`, range: rangeOfValue({ value: table }), ...(severity ? { severity } : {}) });
      }
    }
  }
}

export default schemaRule(
  {
    id: 'missing-required',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A section misses a key it cannot work without',
    why: 'A `[[mounts]]` without `source` or `destination`, a `[[statics]]` without `guest_path` or `url_prefix`, a `[[files]]` entry with no `guest_path` or no source, a machine check without `command`: flyctl or the platform fails at deploy time.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-mounts-section',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\n', good: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\n' },
  },
  'missing-required',
  checkRequired,
);
