/** Where process-group names are defined and named, and renaming them. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/lint/engine.js';
import { occurrencesOf, processNameAt, processNameSites } from '../../server/src/fly/process-names.js';
import { processNameProblem, renameProcess } from '../../server/src/fly/rename-process.js';
import { parseToml } from '../../server/src/toml/parse.js';

const CONFIG = `app = "shop"

[processes]
  web = "bin/web"
  "worker" = "bin/worker"

[http_service]
  internal_port = 8080
  processes = ["web"]

  [[http_service.checks]]
    processes = ["web"]

[[services]]
  processes = ['worker', "web"]

[[vm]]
  processes = ["worker"]

[[mounts]]
  processes = ["web"]

[[statics]]
  guest_path = "/app/public"
  url_prefix = "/static"

[[files]]
  processes = ["web"]

[[metrics]]
  processes = ["web"]

[checks.alive]
  type = "tcp"
  processes = ["worker"]

[[restart]]
  policy = "always"
  processes = ["worker"]

[[machine_checks]]
  processes = ["web"]
`;

function configOf(text: string) {
  return analyze(text, '/p/fly.toml').config;
}

/** Each site as the line it is on (trimmed) and its role. */
function sitesOf(text: string, name: string): string[] {
  return occurrencesOf(configOf(text), name).map((s) => {
    const lineStart = text.lastIndexOf('\n', s.node.start) + 1;
    const lineEnd = text.indexOf('\n', s.node.start);
    return `${s.role}: ${text.slice(lineStart, lineEnd).trim()} @${text.slice(0, s.node.start).split('\n').length}`;
  });
}

describe('process-name sites', () => {
  it('finds the [processes] key and every processes list flyctl applies per group', () => {
    expect(sitesOf(CONFIG, 'web')).toEqual([
      'definition: web = "bin/web" @4',
      'reference: processes = ["web"] @9',
      // Not the check's own processes (@12), which flyctl ignores.
      'reference: processes = [\'worker\', "web"] @15',
      'reference: processes = ["web"] @21',
      'reference: processes = ["web"] @28',
      'reference: processes = ["web"] @31',
    ]);
    expect(sitesOf(CONFIG, 'worker')).toEqual([
      'definition: "worker" = "bin/worker" @5',
      "reference: processes = ['worker', \"web\"] @15",
      'reference: processes = ["worker"] @18',
      'reference: processes = ["worker"] @35',
      'reference: processes = ["worker"] @39',
    ]);
  });

  it('reads the legacy [[processes]] form and dotted keys', () => {
    const legacy = 'app = "a"\n[[processes]]\n  name = "web"\n  command = "bin/web"\n[http_service]\n  processes = ["web"]\n';
    expect(sitesOf(legacy, 'web')).toEqual(['definition: name = "web" @3', 'reference: processes = ["web"] @6']);
    const dotted = 'app = "a"\nprocesses.web = "bin/web"\n[[vm]]\n  processes = ["web"]\n';
    expect(sitesOf(dotted, 'web')).toEqual(['definition: processes.web = "bin/web" @2', 'reference: processes = ["web"] @4']);
  });

  it('tells the name at an offset, and nothing on other strings', () => {
    const config = configOf(CONFIG);
    expect(processNameAt(config, CONFIG.indexOf('web = "bin/web"') + 1)).toMatchObject({ role: 'definition', name: 'web' });
    expect(processNameAt(config, CONFIG.indexOf("'worker'") + 2)).toMatchObject({ role: 'reference', name: 'worker' });
    expect(processNameAt(config, CONFIG.indexOf('bin/web'))).toBeUndefined();
    expect(processNameAt(config, CONFIG.indexOf('/app/public'))).toBeUndefined();
    expect(processNameSites(config).every((s, i, all) => i === 0 || all[i - 1]!.node.start < s.node.start)).toBe(true);
  });
});

describe('renameProcess', () => {
  function renamed(text: string, from: string, to: string): string {
    const result = renameProcess(configOf(text), from, to);
    if (!result.ok) throw new Error(result.error);
    return [...result.edits].sort((a, b) => b.range[0] - a.range[0]).reduce((t, e) => t.slice(0, e.range[0]) + e.text + t.slice(e.range[1]), text);
  }

  it('renames the definition and every reference, keeping each quote style', () => {
    const out = renamed(CONFIG, 'worker', 'jobs');
    expect(out).toContain('"jobs" = "bin/worker"');
    expect(out).toContain(`processes = ['jobs', "web"]`);
    expect(out.match(/processes = \["jobs"\]/g)).toHaveLength(3);
    expect(out).not.toMatch(/"worker"|'worker'/);
    expect(sitesOf(out, 'jobs')).toHaveLength(5);
    expect(parseToml(out).errors).toEqual([]);
  });

  it('quotes a new name that a bare key cannot hold, and escapes what a string must', () => {
    const out = renamed(CONFIG, 'web', 'web.v2"x');
    expect(out).toContain('"web.v2\\"x" = "bin/web"');
    expect(out).toContain(`processes = ['worker', "web.v2\\"x"]`);
    const parsed = parseToml(out);
    expect(parsed.errors).toEqual([]);
    expect([...(parsed.value.entries.get('processes')!.value as { entries: Map<string, unknown> }).entries.keys()]).toEqual(['web.v2"x', 'worker']);
    // A literal string cannot hold a single quote: it becomes a basic string.
    expect(renamed(CONFIG, 'worker', "it's")).toContain(`processes = ["it's", "web"]`);
  });

  it('renames a legacy [[processes]] name', () => {
    const legacy = 'app = "a"\n[[processes]]\n  name = "web"\n  command = "bin/web"\n[http_service]\n  processes = ["web"]\n';
    expect(renamed(legacy, 'web', 'api')).toBe('app = "a"\n[[processes]]\n  name = "api"\n  command = "bin/web"\n[http_service]\n  processes = ["api"]\n');
  });

  it.each([
    ['', 'A process group name cannot be empty'],
    ['web server', '"web server" has white space'],
    ['web=2', '"web=2" has "="'],
    ['a,b', '"a,b" has ","'],
    ['a\tb', 'has white space'],
  ])('refuses the name %j', (to, message) => {
    const result = renameProcess(configOf(CONFIG), 'web', to);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
    expect(processNameProblem(to)).toContain(message);
  });

  it('refuses a name another group has, and a group [processes] does not define', () => {
    expect(renameProcess(configOf(CONFIG), 'web', 'worker')).toEqual({ ok: false, error: 'A process group "worker" is already defined in [processes]: choose another name' });
    const implicit = 'app = "a"\n[http_service]\n  processes = ["app"]\n';
    expect(renameProcess(configOf(implicit), 'app', 'web')).toEqual({ ok: false, error: 'No process group "app" is defined in [processes]: only a defined group can be renamed' });
    expect(renameProcess(configOf(CONFIG), 'web', 'web')).toEqual({ ok: true, edits: [] });
  });
});
