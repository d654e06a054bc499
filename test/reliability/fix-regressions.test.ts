/**
 * Inputs the property tests and the fuzzer found, kept as fixed cases: each one once made a fix
 * break the TOML, loop without end, or lose text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixesOf, lintText, parseToml, printDocument, toPlainValue } from '../../server/src/index.js';
import { createChecks } from './checks.mjs';
import { corpusDir } from '../support/data-paths.js';

const checks = createChecks({ parseToml, lintText, applyFixes, fixesOf, printDocument });
const corpusFile = (name: string) => readFileSync(join(corpusDir, name), 'utf8');

// [what, input, check of the text after the --unsafe-fixes loop]
const cases: Array<[string, string, (fixed: string) => void]> = [
  [
    'unknown-key does not suggest renaming a key to one the table already has',
    'app = "shop"\n\n[http_service]\n  internal_port = 8080\n  min_machines_running = 0\n  max_machines_running = 1\n',
    (fixed) => expect(fixed).toContain('max_machines_running = 1'),
  ],
  [
    'unknown-key does not suggest renaming a table to one the file already has',
    'app = "shop"\n\n[http_service]\n  internal_port = 8080\n\n[htttp_service]\n  internal_port = 8080\n',
    (fixed) => expect(fixed).toContain('[htttp_service]'),
  ],
  [
    'keys for [http_service] go into [http_service] when only [http_service.concurrency] names it',
    'app = "shop"\n\n[http_service.concurrency]\n  type = "requests"\n  soft_limit = 20\n',
    (fixed) => expect(Object.keys((toPlainValue(parseToml(fixed).value) as any).http_service.concurrency)).toEqual(['type', 'soft_limit']),
  ],
  [
    'keys for [http_service] go into [http_service] when only [[http_service.checks]] names it',
    'app = "shop"\n\n[[http_service.checks]]\n  interval = "15s"\n  timeout = "2s"\n  path = "/healthz"\n',
    (fixed) => expect(Object.keys((toPlainValue(parseToml(fixed).value) as any).http_service.checks[0])).toEqual(['interval', 'timeout', 'path']),
  ],
  [
    'keys for [[services]] go into the service when only [[services.ports]] names it (tryethernal__ethernal__fly.pm2.toml)',
    corpusFile('tryethernal__ethernal__fly.pm2.toml'),
    (fixed) => {
      const value = toPlainValue(parseToml(fixed).value) as any;
      expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]);
      // One service, holding its ports and the added keys; [http_service] keeps its own.
      expect(value.services).toHaveLength(1);
      expect(value.services[0]).toMatchObject({ auto_stop_machines: 'off', ports: [{ port: 80 }, { port: 443 }] });
      expect(value.http_service).toMatchObject({ internal_port: 8080, auto_stop_machines: false });
    },
  ],
  [
    'processes for a service go into the service when only [[services.http_checks]] names it',
    'app = "shop"\n\n[processes]\n  web = "bin/web"\n\n[[services.http_checks]]\n  path = "/"\n',
    (fixed) => expect(Object.keys((toPlainValue(parseToml(fixed).value) as any).services[0]?.http_checks?.[0] ?? {})).toEqual(['path']),
  ],
  [
    'no [[services.tcp_checks]] is added where tcp_checks = [] already is (mayu-live__starter__fly.toml)',
    corpusFile('mayu-live__starter__fly.toml'),
    (fixed) => expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]),
  ],
  [
    'a key added at the top of a file that starts with a BOM goes after the BOM',
    '\uFEFF[http_service]\n  internal_port = 8080\n  force_https = true\n  auto_stop_machines = "stop"\n  auto_start_machines = true\n  min_machines_running = 1\n',
    (fixed) => expect(fixed.indexOf('\uFEFF')).toBe(0),
  ],
  [
    'the [[services]] header written above [[services.tcp_checks]] goes after the BOM (fuzz)',
    '\uFEFF[[services.tcp_checks]]',
    (fixed) => {
      expect(fixed.startsWith('\uFEFF')).toBe(true);
      expect(fixed.indexOf('\uFEFF', 1)).toBe(-1);
      expect(fixed).toContain('[[services]]\n[[services.tcp_checks]]');
      expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]);
    },
  ],
  [
    'a single [services] defined after its [services.concurrency] is not turned into [[services]] (the sub-table would need rewriting too)',
    'app = "shop"\n\n[services.concurrency]\n  type = "requests"\n\n[services]\n  internal_port = 8080\n',
    (fixed) => expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]),
  ],
  [
    'no key is added beside a long misspelling of it that unknown-key renames (fuzz: internaauto_stop_machines)',
    "app = 'maccas-api'\nprimary_region = 'syd'\n\n[http_service]\ninternaauto_stop_machines = true\nauto_start_machines = true\n\n[deploy]\nstrategy = \"canary\"\n\n[[vm]]\ncpu_kind = 'shared'\ncpus = 1\nmemory_mb = 512\n\n[build]\nimage = \"maccas-api-api\"\n\n[checks]\n[checks.healthcheck]\ngrace_period = \"10s\"\ninterval = \"15s\"\nmethod = \"get\"\npath = \"/v1/health/self\"\nport = 8000\ntimeout = \"10s\"\ntype = \"http\"\n\n[env]\nEVENT_API_BASE = \"http://maccas-event.internal:8001\"\nBATCH_API_BASE = \"http://maccas-batch.internal:8002\"\n\n[[restart]]\n  policy = \"on-failure\"\n  retries = 10\n  processes = [\"app\"]\n",
    (fixed) => expect(fixed.match(/auto_stop_machines/g)).toHaveLength(1),
  ],
  [
    'removing a line keeps the comment at its end (fuzz: "processes = [] # ")',
    'app = "shop"\n[experimental]\n  allowed_public_ports = [] # none yet\n  auto_rollback = true\n[env]\n  TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789" # from CI\n',
    (fixed) => {
      expect(fixed).toContain('# none yet\n');
      expect(fixed).toContain('  # from CI\n');
      expect(fixed).not.toContain('allowed_public_ports');
    },
  ],
  [
    'no [[vm]] is appended beside a misspelt top-level name that unknown-key renames to vm (fuzz: "[[m.app]]")',
    '[[m.app]]',
    (fixed) => expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]),
  ],
  [
    'unknown-key does not rename onto a key written in another case that key-case renames (fuzz: "VM" and [[V-.app]])',
    '"VM" = "\\e[1m"\n[[V-.app]]',
    (fixed) => expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version' && e.code !== 'toml-syntax')).toEqual([]),
  ],
  [
    'a key whose value has the wrong type is not added again (fuzz: memory =[http_service] in a [[vm]])',
    "app = 'shop'\n\n[[vm]]\n  memory = [1]\n  cpu_kind = 'shared'\n  cpus = 4\n",
    (fixed) => expect(fixed.match(/memory/g)).toHaveLength(1),
  ],
  [
    'nothing is added after an array left open in the last line (fuzz)',
    `app = [{ "unclosed.app = '' }]`,
    (fixed) => expect(fixed).toBe(`app = [{ "unclosed.app = '' }]`),
  ],
  [
    'nothing is added after a statement left open, even when it is not the last (fuzz)',
    'app = { app = "bad\\ }\n\'\' = 1979-05-27T07:32:00Z # comment\n[""]',
    (fixed) => expect(fixed.startsWith('app = { app = "bad\\ }\n\'\' = 1979')).toBe(true),
  ],
  [
    'two misspellings of one key are not both renamed to it in one pass (fuzz: infill_timeout and ill_timeout)',
    'infill_timeout = 5\nill_timeout = 5\nprocesses = []\n\n[build]\nimage = "ghcr.io/discord-diabetes/diabot:dev"\n',
    (fixed) => {
      expect(parseToml(fixed).errors.filter((e) => e.code !== 'toml-version')).toEqual([]);
      expect(fixed.match(/^kill_timeout = /gm)).toHaveLength(1);
      expect(fixed).toContain('ill_timeout = 5');
    },
  ],
  [
    'nothing is added inside a string left open at the end of the file',
    'app = "shop"\nkill_signal = """SIGINT\n',
    (fixed) => expect(fixed.split('"""')[1]).toBe('SIGINT\n'),
  ],
  [
    'a fix never makes a CRLF of a lone CR before it and an LF of its own (the fuzzer: a comment "#\\r")',
    '#\r',
    (fixed) => expect(fixed.startsWith('#\r') && !fixed.startsWith('#\r\n')).toBe(true),
  ],
];

describe('one pass of fixes that are right alone and wrong together', () => {
  const rename = (range: [number, number]) => ({ ruleId: 'unknown-key', severity: 'warning' as const, message: 'm', range, fix: { range, text: 'kill_timeout' } });

  it('takes them in source order and leaves the one that would break the TOML for the next pass', () => {
    const text = 'infill_timeout = 5\nill_timeout = 6\nswap_size_mb = 512\n';
    const upper = { ruleId: 'x', severity: 'info' as const, message: 'm', range: [50, 53] as [number, number], fix: { range: [50, 53] as [number, number], text: '1024' } };
    const result = applyFixes(text, [rename([0, 14]), rename([19, 30]), upper]);
    expect(result).toEqual({ text: 'kill_timeout = 5\nill_timeout = 6\nswap_size_mb = 1024\n', applied: 2, remaining: 1 });
  });

  it('applies the whole pass at once when it keeps the TOML readable', () => {
    const text = 'infill_timeout = 5\n[x]\nill_timeout = 6\n';
    expect(applyFixes(text, [rename([0, 14]), rename([23, 34])])).toEqual({ text: 'kill_timeout = 5\n[x]\nkill_timeout = 6\n', applied: 2, remaining: 0 });
  });
});

describe('fixes on inputs that once broke them', () => {
  it.each(cases)('%s', (_name, input, expectation) => {
    checks.eachFixAlone(input);
    const { text } = checks.fixes(input, { unsafe: true });
    expectation(text);
  });
});
