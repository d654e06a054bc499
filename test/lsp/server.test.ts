import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './lsp-client.js';

const SECRET = 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX';
const TEXT = `app = "shop"
kill_timeout = 5

[env]
  STRIPE_KEY = "${SECRET}"

[http_service]
  internal_port = 8080
  auto_stop_machines = "stop"
  processes = ["app"]

[processes]
  app = "bin/server"
`;

describe.each(['stdio', 'memory'] as const)('language server (%s)', (transport) => {
  let client: TestClient;
  let dir: string;
  let uri: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flylint-lsp-'));
    writeFileSync(join(dir, 'fly.toml'), TEXT);
    writeFileSync(join(dir, 'fly.staging.toml'), 'app = "shop"\n');
    uri = `file://${dir}/fly.toml`;
    client = await startClient(dir, {}, transport);
  });

  afterAll(async () => {
    expect(await client.close()).toBe(0);
    expect(client.stderr()).not.toMatch(/Unhandled|at .*\.js:\d+/);
  });

  it('publishes diagnostics with source, code, docs link and no secret value', async () => {
    const published = client.diagnostics(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: TEXT } });
    const { diagnostics } = await published;
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['secret-in-env', 'deprecated', 'missing-swap', 'shared-app-name']));
    const secret = diagnostics.find((d) => d.code === 'secret-in-env')!;
    expect(secret).toMatchObject({ source: 'flylint', severity: 1, range: { start: { line: 4, character: 2 } } });
    expect(secret.codeDescription.href).toMatch(/secret-in-env/);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET.slice(3));
    const shared = diagnostics.find((d) => d.code === 'shared-app-name')!;
    expect(shared.relatedInformation[0].location.uri).toBe(`file://${dir}/fly.staging.toml`);
    const deprecated = diagnostics.find((d) => d.code === 'deprecated')!;
    expect(deprecated.tags).toEqual([2]);
  });

  it('offers the quick-fixes, a preferred safe fix, disable-for-line and fix-all', async () => {
    const { diagnostics } = await (async () => {
      const p = client.diagnostics(uri);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT }] });
      return p;
    })();
    const deprecated = diagnostics.find((d) => d.code === 'deprecated')!;
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: deprecated.range, context: { diagnostics: [deprecated] } });
    const preferred = actions.find((a) => a.isPreferred);
    expect(preferred.edit.changes[uri][0].newText).toBe('"5s"');
    expect(actions.some((a) => a.title === 'Disable deprecated for this line')).toBe(true);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.flylint');
    expect(fixAll.edit.changes[uri][0].newText).toContain('kill_timeout = "5s"');
  });

  it('hovers with the docs and the value as flyctl reads it, and the environment on app', async () => {
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    expect(h.contents.value).toContain('5s');
    expect(h.contents.value).toContain('fly.io/docs');
    const app = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(app.contents.value).toContain('Environment: **production**');
  });

  it('completes enum values and keys on half-typed lines', async () => {
    const text = TEXT.replace('auto_stop_machines = "stop"', 'auto_stop_machines = ');
    const p = client.diagnostics(uri);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await p;
    const values = await client.request<any[]>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 23 } });
    expect(values.map((v) => v.label)).toEqual(['off', 'stop', 'suspend']);
    const keys = await client.request<any[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 0 } });
    expect(keys.map((k) => k.label)).toContain('force_https');
    expect(keys.map((k) => k.label)).not.toContain('internal_port');
  });

  it('outlines tables and goes from a process name to its definition', async () => {
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(expect.arrayContaining(['app', '[env]', '[http_service]', '[processes]']));
    const def = await client.request<any>('textDocument/definition', { textDocument: { uri }, position: { line: 9, character: 17 } });
    expect(def.range.start.line).toBe(12);
  });

  it('keeps serving after requests for unknown documents', async () => {
    expect(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope/fly.toml' }, position: { line: 0, character: 0 } })).toBeNull();
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and pushes nothing when the client pulls', async () => {
    const { mkdtempSync: mk, writeFileSync: wf } = await import('node:fs');
    const dir = mk(join(tmpdir(), 'flylint-pull-'));
    wf(join(dir, 'fly.toml'), 'app = "shop"\nkill_timeout = 5\n');
    const client = await startClient(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    const uri = `file://${dir}/fly.toml`;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: 'app = "shop"\nkill_timeout = 5\n' } });
    const report = await client.request<{ kind: string; items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d) => d.code)).toContain('deprecated');
    expect(client.pushed()).toEqual([]);
    expect(await client.close()).toBe(0);
  });
});
