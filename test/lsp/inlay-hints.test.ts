/** Inlay hints: what flyctl reads, shown only where the value looks otherwise. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startClient, type TestClient } from './lsp-client.js';
import { analyze } from '../../server/src/lint/engine.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { inlayHints } from '../../server/src/lsp/inlay-hints.js';
import { corpusDir } from '../support/data-paths.js';

/** Each hint as the text it follows and its label: `kill_timeout = 5` → ['kill_timeout = 5', '5s']. */
function hints(text: string): Array<[string, string]> {
  const index = new LineIndex(text);
  return inlayHints(analyze(text, '/p/fly.toml'), index, 0, text.length).map((h) => {
    const offset = index.offsetAt(h.position);
    const lineStart = index.lineStarts[h.position.line]!;
    return [text.slice(lineStart, offset).trim(), h.label as string];
  });
}

describe('inlay hints', () => {
  it('show what flyctl reads where the value looks otherwise', () => {
    const text = `app = "a"
kill_timeout = 5

[http_service]
  auto_stop_machines = true

[[http_service.checks]]
  interval = 10000
  timeout = "2s"

[[services]]
  [[services.tcp_checks]]
    interval = 15000

[[vm]]
  memory = 1024
  persist_rootfs = 1

[[vm]]
  processes = ["worker"]
  memory = "512"

[[mounts]]
  initial_size = 10

[deploy]
  wait_timeout = 600
`;
    expect(hints(text)).toEqual([
      ['kill_timeout = 5', '5s'],
      ['auto_stop_machines = true', '"stop"'],
      // A bare number in [[http_service.checks]] is Go nanoseconds.
      ['interval = 10000', '10µs'],
      ['interval = 15000', '15s'],
      ['memory = 1024', '1 GB'],
      ['persist_rootfs = 1', '"never"'],
      ['memory = "512"', '512 MB'],
      ['initial_size = 10', '10 GB'],
      ['wait_timeout = 600', '600ns'],
    ]);
  });

  it('stay away from values that already read as flyctl reads them', () => {
    const text = `app = "a"
kill_timeout = "5s"
primary_region = "ams"

[env]
  PORT = 8080

[http_service]
  internal_port = 8080
  auto_stop_machines = "stop"
  min_machines_running = 0

[[vm]]
  size = "shared-cpu-1x"
  memory = "1gb"
  memory_mb = 2048

[[mounts]]
  initial_size = "10gb"
`;
    expect(hints(text)).toEqual([]);
  });

  it('reach keys in inline tables and dotted keys, and carry the reading as a tooltip', () => {
    const text = 'app = "a"\nvm = [{ memory = 2048 }]\nhttp_service.auto_stop_machines = false\n';
    expect(hints(text)).toEqual([
      ['vm = [{ memory = 2048', '2 GB'],
      ['http_service.auto_stop_machines = false', '"off"'],
    ]);
    const [hint] = inlayHints(analyze(text, '/p/fly.toml'), new LineIndex(text), 0, text.length);
    expect(hint).toMatchObject({ paddingLeft: true, tooltip: 'flyctl reads this as 2048 MB' });
  });

  it('give only the hints of the requested range', () => {
    const text = 'kill_timeout = 5\n[[vm]]\nmemory = 1024\n[[mounts]]\ninitial_size = 3\n';
    const index = new LineIndex(text);
    const found = inlayHints(analyze(text, '/p/fly.toml'), index, index.offsetAt({ line: 1, character: 0 }), index.offsetAt({ line: 3, character: 0 }));
    expect(found.map((h) => h.label)).toEqual(['1 GB']);
  });

  it('on the real configs, appear only on durations, sizes and named values, a few per file', () => {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.toml'));
    const kinds = new Map<string, number>();
    let withHints = 0;
    let most = 0;
    for (const name of files) {
      const text = readFileSync(join(corpusDir, name), 'utf8');
      const found = hints(text);
      if (found.length) withHints++;
      most = Math.max(most, found.length);
      for (const [before, label] of found) {
        const key = /([A-Za-z_]+)\s*=[^=]*$/.exec(before)?.[1] ?? before;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
        // Each label is a duration, a size or one of flyctl's named values.
        expect(label, `${name}: ${before}`).toMatch(/^(\d+(\.\d+)?(ns|µs|ms|s)|(\d+h)?(\d+m)?(\d+(\.\d+)?s)?|\d+(\.\d+)? [MG]B|"(stop|off|none|never|restart|always)")$/);
      }
    }
    expect([...kinds.keys()].sort()).toEqual(expect.arrayContaining(['auto_stop_machines', 'kill_timeout']));
    for (const key of kinds.keys()) expect(['kill_timeout', 'interval', 'timeout', 'grace_period', 'wait_timeout', 'release_command_timeout', 'memory', 'initial_size', 'auto_stop_machines', 'persist_rootfs', 'internal_port', 'port']).toContain(key);
    // `fly launch` long wrote `kill_timeout = 5` and `auto_stop_machines = true`: many files get a
    // hint or two there, none a screenful.
    expect(withHints).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(8);
    console.log(`inlay hints: ${withHints} of ${files.length} corpus configs (at most ${most} in one), by key ${JSON.stringify(Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1])))}`);
  });
});

describe('inlay hints over the protocol', () => {
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
  });

  it('answers textDocument/inlayHint for a range', async () => {
    const c = await startClient(undefined);
    clients.push(c);
    expect(c.serverCapabilities.inlayHintProvider).toBe(true);
    const uri = fileUri('/p/fly.toml');
    const text = 'app = "a"\nkill_timeout = 5\n\n[[http_service.checks]]\n  interval = 10000\n';
    c.open(uri, text);
    const result = await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } });
    expect(result).toEqual([
      { position: { line: 1, character: 16 }, label: '5s', paddingLeft: true, tooltip: 'flyctl reads this as 5 seconds (a bare number here is seconds)' },
      { position: { line: 4, character: 18 }, label: '10µs', paddingLeft: true, tooltip: 'flyctl reads this as 10 microseconds (a bare number here is nanoseconds)' },
    ]);
  });
});
