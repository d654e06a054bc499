import { describe, expect, it } from 'vitest';
import { atCursor } from './marker.js';
import { hover } from '../../server/src/lsp/hover.js';
import { secretsOf } from '../../server/src/lint/engine.js';
import { definition } from '../../server/src/lsp/definition.js';
import { documentSymbols } from '../../server/src/lsp/symbols.js';
import { foldingRanges } from '../../server/src/lsp/folding.js';

function hoverText(marked: string, filePath?: string): string | undefined {
  const at = atCursor(marked, filePath);
  const result = hover(at.file, at.offset, at.index, secretsOf(at.file));
  return result ? (result.contents as { value: string }).value : undefined;
}

describe('hover', () => {
  it.each([
    ['a bare kill_timeout in seconds', 'app = "a"\nkill_timeout = |5\n', ['**kill_timeout**', 'flyctl reads this as** 5 seconds', '[Fly.io docs](https://fly.io/docs/reference/configuration/']],
    ['a bare check interval in nanoseconds', 'app = "a"\n[[http_service.checks]]\n  inter|val = 10000\n', ['**http_service.checks.interval**', '10 microseconds', 'nanoseconds']],
    ['a service check interval in milliseconds', 'app = "a"\n[[services]]\n  [[services.tcp_checks]]\n    interval = 15|000\n', ['15 seconds', 'milliseconds']],
    ['a memory size', 'app = "a"\n[[vm]]\n  memory = "1g|b"\n', ['**vm.memory**', '1024 MB']],
    ['a size preset', 'app = "a"\n[[vm]]\n  size = "perf|ormance-2x"\n', ['2 performance CPUs, 4096 MB']],
    ['a legacy boolean auto_stop_machines', 'app = "a"\n[http_service]\n  auto_stop_machines = tr|ue\n', ['"stop": idle Machines are stopped']],
    ['a duration flyctl cannot read', 'app = "a"\nkill_timeout = "5 s|econds"\n', ['flyctl cannot use this:**', 'not a duration']],
    ['a region code', 'app = "a"\nprimary_region = "a|ms"\n', ['Amsterdam, Netherlands']],
    ['a process name in a list', 'app = "a"\n[processes]\n  web = "bin/server --port 8080"\n[http_service]\n  processes = ["w|eb"]\n', ['Process group `web` runs `bin/server --port 8080`']],
    ['a table header', 'app = "a"\n[http_se|rvice]\n', ['**[http_service]**', 'internal_port']],
  ])('documents %s', (_name, marked, fragments) => {
    const text = hoverText(marked)!;
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  it.each([
    ['the default', 'a|pp = "shop"\n', '/p/fly.toml', 'production — from nothing names another environment'],
    ['the file name', 'app = "sh|op"\n', '/p/fly.staging.toml', 'staging — from file name "p/fly.staging.toml"'],
    ['the app name', 'app = "shop-st|aging"\n', '/p/fly.toml', 'staging — from app name "shop-staging"'],
    ['a comment, hovering the first line', '# flylint-env: |preview\napp = "shop"\n', '/p/fly.toml', 'preview — from comment "# flylint-env: preview"'],
  ])('shows the environment and why: %s', (_name, marked, filePath, expected) => {
    expect(hoverText(marked, filePath)).toContain(`**Environment:** ${expected}`);
  });

  it('says whether the production checklist applies', () => {
    expect(hoverText('a|pp = "shop"\n')).toContain('The production-readiness rules apply.');
    expect(hoverText('a|pp = "shop-dev"\n')).toContain('The production-readiness rules do not apply.');
  });

  it('never shows a secret value from [env]', () => {
    const secret = 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX';
    const text = hoverText(`app = "a"\n[env]\n  STRIPE_KEY = "sk_live|${secret.slice(7)}"\n`) ?? '';
    expect(text).not.toContain(secret.slice(8));
  });

  it.each([
    ['a blank line', 'app = "a"\n\n|\n'],
    ['an unknown key away from the first line', 'app = "a"\nnot_a_key| = 1\n'],
  ])('has nothing to say on %s', (_name, marked) => {
    expect(hoverText(marked)).toBeUndefined();
  });
});

describe('definition', () => {
  const DOC = 'app = "a"\n[processes]\n  web = "bin/server"\n  worker = "bin/worker"\n[http_service]\n  processes = ["web"]\n[[vm]]\n  processes = ["web", "wor|ker"]\n';
  it('goes from a process name in a processes list to its [processes] entry', () => {
    const at = atCursor(DOC);
    expect(definition(at.file, 'file:///p/fly.toml', at.offset, at.index)).toEqual({ uri: 'file:///p/fly.toml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } } });
  });
  it.each([
    ['an unknown process name', DOC.replace('"wor|ker"', '"no|pe"')],
    ['a key', DOC.replace('processes = ["web", "wor|ker"]', 'proc|esses = ["web"]')],
    ['a string that is not a process', 'app = "|a"\n[processes]\n  a = "x"\n'],
  ])('finds nothing from %s', (_name, marked) => {
    const at = atCursor(marked);
    expect(definition(at.file, 'file:///p/fly.toml', at.offset, at.index)).toBeNull();
  });
});

describe('document symbols', () => {
  it('outlines tables with their keys, nesting sub-tables under their parent', () => {
    const at = atCursor('app = "a"|\n[http_service]\n  internal_port = 8080\n  [http_service.concurrency]\n    type = "requests"\n[[http_service.checks]]\n  path = "/"\n[[services]]\n  internal_port = 1\n  [[services.ports]]\n    port = 443\n[[services]]\n  internal_port = 2\n  concurrency = { type = "connections" }\n');
    const outline = (symbols: ReturnType<typeof documentSymbols>): unknown => symbols.map((s) => (s.children?.length ? { [s.name]: outline(s.children) } : s.name));
    expect(outline(documentSymbols(at.file.doc, at.text, at.index))).toEqual([
      'app',
      { '[http_service]': ['internal_port', { '[http_service.concurrency]': ['type'] }, { '[[http_service.checks]]': ['path'] }] },
      { '[[services]]': ['internal_port', { '[[services.ports]]': ['port'] }] },
      { '[[services]]': ['internal_port', { concurrency: ['type'] }] },
    ]);
  });

  it('keeps every child inside its parent range', () => {
    const at = atCursor('[http_service]\n  a = 1\n[http_service.concurrency]\n  b = 2\n\n[[http_service.checks]]\n  c = 3|\n');
    const [service] = documentSymbols(at.file.doc, at.text, at.index);
    expect(service!.range.end.line).toBe(6);
    for (const child of service!.children!) expect(child.range.end.line).toBeLessThanOrEqual(service!.range.end.line);
  });

  it('names a header it cannot read by its text', () => {
    const at = atCursor('[]\n  a = 1|\n');
    expect(documentSymbols(at.file.doc, at.text, at.index).map((s) => s.name)).toEqual(['[]']);
  });
});

describe('folding ranges', () => {
  it('folds tables, multi-line arrays and strings, and comment blocks', () => {
    const at = atCursor('# header\n# more|\napp = "a"\n[http_service]\n  internal_port = 8080\n  processes = [\n    "app",\n  ]\n[processes]\n  app = """\nbin/server\n"""\n');
    expect(foldingRanges(at.file.doc, at.index)).toEqual(expect.arrayContaining([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 3, endLine: 7 },
      { startLine: 5, endLine: 7 },
      { startLine: 8, endLine: 11 },
      { startLine: 9, endLine: 11 },
    ]));
    expect(foldingRanges(at.file.doc, at.index)).toHaveLength(5);
  });
});
