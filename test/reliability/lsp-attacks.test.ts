/**
 * Attacks on the language server's protocol handling and state, over its real stdio: malformed
 * frame headers, huge messages, params of the wrong type, a second initialize, versions that go
 * down, and a sibling config that links out of the workspace.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameParser, type FrameEvent } from '../../server/src/lsp/framing.js';
import { CRASH_SIGNS, initializedServer, startRawServer, type RawServer } from './raw-lsp.js';
import fc from 'fast-check';
import { frameHeaderVariant } from './generators.mjs';

const URI = 'file:///hostile/fly.toml';
const servers: RawServer[] = [];

async function server(options: Parameters<typeof initializedServer>[0] = {}): Promise<RawServer> {
  const s = await initializedServer(options);
  servers.push(s);
  return s;
}

afterEach(() => {
  for (const s of servers.splice(0)) {
    expect(s.stderr()).not.toMatch(CRASH_SIGNS);
    for (const m of s.messages.filter((m) => m.method === 'window/logMessage')) expect(String(m.params.message)).not.toMatch(CRASH_SIGNS);
    s.kill();
  }
});

const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'flylint/ping' });

/** Header variants the old frame filter and the JSON-RPC reader disagreed on, and their kin. */
const HEADER_VARIANTS: Array<[string, (body: string) => string]> = [
  ['a space before the name', (b) => ` Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a space before the colon', (b) => `Content-Length : ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a tab before the colon', (b) => `Content-Length\t: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a tab before the name', (b) => `\tContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a number with a suffix', (b) => `Content-Length: ${Buffer.byteLength(b)}abc\r\n\r\n${b}`],
  ['a signed number', (b) => `Content-Length: +${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['two different lengths', (b) => `Content-Length: ${Buffer.byteLength(b)}\r\nContent-Length: 3\r\n\r\n${b}`],
  ['an empty line inside the header', (b) => `Content-Type: x\r\n\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['an 8 KB header line', (b) => `X-Pad: ${'a'.repeat(9000)}\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a header of 20 KB without an end', () => 'X'.repeat(20_000)],
  ['a lower-case name', (b) => `content-length: ${Buffer.byteLength(b)}\r\n\r\n${b}`],
  ['a zero length', () => 'Content-Length: 0\r\n\r\n'],
];

describe('LSP framing: one reader decides what a frame is', () => {
  it.each(HEADER_VARIANTS)('after a header with %s, the server answers 30 later requests and shutdown', async (_name, variant) => {
    const s = await server();
    s.raw(variant(ping(90)));
    // The frame right after a broken one may be taken as its body; every later one is served.
    s.raw(`Content-Length: ${ping(91).length}\r\n\r\n${ping(91)}`);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => s.request(100 + i, 'flylint/ping')));
    expect(answers.map((a) => a.error?.code)).toEqual(Array(30).fill(-32601));
    expect((await s.request(200, 'shutdown')).error).toBeUndefined();
  });

  it('every header variant, sent in one stream and byte by byte, leaves the parser in step', () => {
    const events: FrameEvent[] = [];
    const valid = (id: number) => `Content-Length: ${ping(id).length}\r\n\r\n${ping(id)}`;
    const stream = HEADER_VARIANTS.map(([, v], i) => v(ping(i)) + valid(1000 + i) + valid(2000 + i)).join('');
    const whole = new FrameParser();
    whole.push(Buffer.from(stream, 'latin1'), (e) => events.push(e));
    const trickled: FrameEvent[] = [];
    const parser = new FrameParser();
    const bytes = Buffer.from(stream, 'latin1');
    for (let i = 0; i < bytes.length; i++) parser.push(bytes.subarray(i, i + 1), (e) => trickled.push(e));
    for (const list of [events, trickled]) {
      const ids = list.flatMap((e) => {
        if (e.kind !== 'message') return [];
        try {
          return [JSON.parse(e.body.toString()).id];
        } catch {
          return [];
        }
      });
      // The second valid frame after each variant always arrives, whatever became of the first.
      for (let i = 0; i < HEADER_VARIANTS.length; i++) expect(ids).toContain(2000 + i);
    }
    const bodies = (list: FrameEvent[]) => list.flatMap((e) => (e.kind === 'message' ? [e.body.toString()] : []));
    expect(bodies(trickled)).toEqual(bodies(events));
  });

  it('property: after any header variant, the second well-formed frame always arrives', () => {
    const valid = (id: number) => `Content-Length: ${ping(id).length}\r\n\r\n${ping(id)}`;
    fc.assert(
      fc.property(fc.array(frameHeaderVariant, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (variants, chunk) => {
        const stream = Buffer.from(variants.map((v, i) => v(ping(i)) + valid(1000 + i) + valid(2000 + i)).join(''), 'latin1');
        const parser = new FrameParser();
        const ids: unknown[] = [];
        for (let i = 0; i < stream.length; i += chunk) {
          parser.push(stream.subarray(i, i + chunk), (e) => {
            if (e.kind !== 'message') return;
            try {
              ids.push(JSON.parse(e.body.toString()).id);
            } catch {
              // A body cut by a wrong length: skipped by the reader.
            }
          });
        }
        for (let i = 0; i < variants.length; i++) expect(ids).toContain(2000 + i);
      }),
      { numRuns: 300 },
    );
  });

  it('the parser copies each byte of a large message a bounded number of times (linear, not per chunk)', () => {
    const copied = (size: number) => {
      const body = `{"jsonrpc":"2.0","method":"x","params":"${'a'.repeat(size)}"}`;
      const data = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const parser = new FrameParser();
      const concat = vi.spyOn(Buffer, 'concat');
      let got = 0;
      try {
        for (let i = 0; i < data.length; i += 65_536) parser.push(data.subarray(i, i + 65_536), (e) => (got += e.kind === 'message' ? 1 : 0));
        return concat.mock.results.reduce((sum, r) => sum + (r.value as Buffer).length, 0) / data.length;
      } finally {
        concat.mockRestore();
        expect(got).toBe(1);
      }
    };
    // Joining the chunks once copies each byte once; re-joining the buffer on every 64 KB chunk
    // copied a 16 MB message about 128 times over.
    expect(copied(1_000_000)).toBeLessThan(2.5);
    expect(copied(16_000_000)).toBeLessThan(2.5);
  });

  it('a message above the cap is skipped with a clear log message, and the server keeps serving', async () => {
    const s = await server();
    const size = 65 * 1024 * 1024;
    s.raw(`Content-Length: ${size}\r\n\r\n`);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 65; i++) s.raw(chunk);
    const answer = await s.request(5, 'flylint/ping');
    expect(answer.error?.code).toBe(-32601);
    const log = await s.wait((m) => m.method === 'window/logMessage' && /limited to/.test(m.params.message));
    expect(log.params.message).toContain(String(size));
  }, 30_000);
});

describe('LSP state', () => {
  const open = (s: RawServer, text: string, version = 1) => s.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version, text } });

  it('a second initialize is refused with a JSON-RPC error', async () => {
    const s = await server();
    const again = await s.request(2, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(again.error?.code).toBe(-32600);
    expect(again.error?.message).toMatch(/already initialized/);
  });

  it('each didChange is the new truth: versions 2–6 after version 100 are published', async () => {
    const s = await server();
    open(s, 'app = "shop"\n');
    s.notify('textDocument/didChange', { textDocument: { uri: URI, version: 100 }, contentChanges: [{ text: 'app = "shop"\n' }] });
    for (let v = 2; v <= 6; v++) s.notify('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [{ text: `app = "shop"\nkill_timeout = "${v}"\n` }] });
    const last = await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 6);
    expect(last.params.diagnostics.some((d: any) => d.range.start.line === 1)).toBe(true);
  });

  it('a version number reused for new text is analysed again', async () => {
    const s = await server();
    open(s, 'app = "shop"\n', 3);
    s.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: 'app = "shop"\nkill_timeout = "5"\n' }] });
    const hover = await s.request(2, 'textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 2 } });
    expect(hover.result?.contents?.value).toContain('kill_timeout');
    await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.diagnostics.some((d: any) => d.range.start.line === 1));
  });

  it('a didOpen with a non-string uri is refused and never revalidated', async () => {
    const s = await server();
    for (const uri of [5, null, { x: 1 }, ['file:///a']]) s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: 'app = "x"\n' } });
    s.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'toml', version: 'one', text: 'app = "x"\n' } });
    s.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 5 }] });
    // A settings change revalidates every open document.
    s.notify('workspace/didChangeConfiguration', { settings: { flylint: { enable: true } } });
    open(s, 'app = "shop"\n');
    await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI);
    await s.request(3, 'flylint/ping');
    const logs = s.messages.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    expect(logs.filter((l) => /TypeError|failed/.test(l))).toEqual([]);
    expect(logs.some((l) => /textDocument\/didOpen.*uri must be a string/.test(l))).toBe(true);
    const published = s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params.uri);
    expect(published.every((u) => u === URI)).toBe(true);
  });

  it('a sibling that links out of the workspace is not read after a watched-file event', async () => {
    const base = mkdtempSync(join(tmpdir(), 'flylint-lsp-link-'));
    const dir = join(base, 'project');
    const outside = join(base, 'outside');
    mkdirSync(dir);
    mkdirSync(outside);
    writeFileSync(join(outside, 'fly.toml'), 'app = "outside-app"\n[env]\n  OUTSIDE_MARKER = "do-not-read"\n');
    writeFileSync(join(dir, 'fly.toml'), 'app = "shop"\n');
    symlinkSync(join(outside, 'fly.toml'), join(dir, 'fly.staging.toml'));
    const s = await server({ root: dir });
    const uri = `file://${dir}/fly.toml`;
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: 'app = "outside-app"\n' } });
    await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dir}/fly.staging.toml`, type: 1 }] });
    await s.request(5, 'flylint/ping');
    s.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'app = "outside-app"\n' }] });
    const after = await s.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2);
    // Read as a sibling, it would share the app name and be flagged by the isolation rule.
    expect(JSON.stringify(after.params.diagnostics)).not.toMatch(/fly\.staging\.toml|outside/);
    expect(s.messages.some((m) => m.method === 'window/logMessage' && /fly\.staging\.toml is not read: it is a symbolic link/.test(m.params.message))).toBe(true);
  });
});

describe('LSP server started before initialize', () => {
  it('refuses framing garbage before initialize and still initializes', async () => {
    const s = startRawServer();
    servers.push(s);
    s.raw(`Content-Length : 5\r\n\r\n{}{}{}`);
    s.raw(`Content-Length: ${ping(1).length}\r\n\r\n${ping(1)}`);
    const init = await s.request(2, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(init.result?.capabilities).toBeDefined();
  });
});
