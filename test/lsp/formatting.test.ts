/** Formatting over the protocol: the edits of `flylint fmt`, small, for the whole document or the lines of a range. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startClient, type TestClient } from './lsp-client.js';
import { applyEdits, type TextEdit } from './text-edits.js';
import { listen } from '../../server/src/lsp/server.js';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');

const UNFORMATTED = 'app="shop"\n[http_service]\ninternal_port=8080\nforce_https = true   \n\n\n\n[[vm]]\nsize="shared-cpu-1x"\n';
const FORMATTED = 'app = "shop"\n[http_service]\n  internal_port = 8080\n  force_https = true\n\n[[vm]]\n  size = "shared-cpu-1x"\n';
const SPACES = { tabSize: 2, insertSpaces: true };

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-lsp-fmt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) expect(await c.close()).toBe(0);
});

async function opened(text: string, files: Record<string, string> = {}, name = 'fly.toml', initializationOptions?: Record<string, unknown>): Promise<{ c: TestClient; uri: string }> {
  const dir = folder({ ...files, [name]: text });
  const c = await startClient(dir, initializationOptions ? { initializationOptions } : {});
  clients.push(c);
  const uri = fileUri(join(dir, name));
  c.open(uri, text);
  return { c, uri };
}

const format = (c: TestClient, uri: string, options = SPACES) => c.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });

describe('formatting', () => {
  it('announces formatting and range formatting', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    listen(toServer, toClient);
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(toClient), new rpc.StreamMessageWriter(toServer));
    connection.listen();
    const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(result.capabilities).toMatchObject({ documentFormattingProvider: true, documentRangeFormattingProvider: true });
    connection.dispose();
  });

  it('formats a document as flylint fmt does, with small edits', async () => {
    const { c, uri } = await opened(UNFORMATTED);
    const edits = (await format(c, uri))!;
    expect(applyEdits(UNFORMATTED, edits)).toBe(FORMATTED);
    // Each edit covers a gap between tokens, never a whole line, let alone the document.
    for (const edit of edits) expect(edit.range.end.line - edit.range.start.line).toBeLessThanOrEqual(3);
    expect(edits.every((e) => e.newText.length <= 2)).toBe(true);
  });

  it('returns no edits for a formatted document, nor for one with TOML errors', async () => {
    const { c, uri } = await opened(FORMATTED);
    expect(await format(c, uri)).toEqual([]);
    c.change(uri, 'app="shop"\n[env]\nA = \n', 2);
    expect(await format(c, uri)).toEqual([]);
  });

  it('indents as the editor says unless .flylint.toml sets it', async () => {
    const text = '[env]\nA = "1"\n';
    const editor = await opened(text);
    expect(applyEdits(text, (await format(editor.c, editor.uri, { tabSize: 4, insertSpaces: true }))!)).toBe('[env]\n    A = "1"\n');
    expect(applyEdits(text, (await format(editor.c, editor.uri, { tabSize: 4, insertSpaces: false }))!)).toBe('[env]\n\tA = "1"\n');
    const project = await opened(text, { '.flylint.toml': '[format]\nindent = 0\nquotes = "single"\n' });
    expect(applyEdits(text, (await format(project.c, project.uri, { tabSize: 4, insertSpaces: false }))!)).toBe("[env]\nA = '1'\n");
  });

  it('formats only the whole lines a range touches', async () => {
    const { c, uri } = await opened(UNFORMATTED);
    // From the middle of line 3 to the start of line 4: line 3 only (internal_port).
    const edits = await c.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, options: SPACES, range: { start: { line: 2, character: 5 }, end: { line: 3, character: 0 } } });
    expect(applyEdits(UNFORMATTED, edits)).toBe(UNFORMATTED.replace('internal_port=8080', '  internal_port = 8080'));
    const two = await c.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, options: SPACES, range: { start: { line: 7, character: 0 }, end: { line: 8, character: 3 } } });
    expect(applyEdits(UNFORMATTED, two)).toBe(UNFORMATTED.replace('size="shared-cpu-1x"', '  size = "shared-cpu-1x"'));
  });

  it('formats with linting turned off (flylint.enable = false)', async () => {
    const { c, uri } = await opened(UNFORMATTED, {}, 'fly.toml', { enable: false });
    expect(applyEdits(UNFORMATTED, (await format(c, uri))!)).toBe(FORMATTED);
  });

  it('leaves TOML files that are not fly configs to other tools', async () => {
    const { c, uri } = await opened('[package]\nname="x"\n', {}, 'pyproject.toml');
    expect(await format(c, uri)).toBeNull();
  });
});
