/** Rename, references and document highlights of process-group names, over the protocol. */
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startClient, type TestClient } from './lsp-client.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { applyEdits } from './text-edits.js';
import { lintText } from '../../server/src/lint/engine.js';
import { parseToml } from '../../server/src/toml/parse.js';

const TEXT = `app = "shop"

[processes]
  web = "bin/web"
  worker = "bin/worker"

[http_service]
  internal_port = 8080
  processes = ["web"]

[[vm]]
  processes = ["web", "worker"]

[[restart]]
  policy = "always"
  processes = ['worker']
`;

function at(text: string, needle: string, shift = 1): { line: number; character: number } {
  return new LineIndex(text).positionAt(text.indexOf(needle) + shift);
}

const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});

async function opened(text: string) {
  const c = await startClient(undefined);
  clients.push(c);
  const uri = fileUri('/p/fly.toml');
  c.open(uri, text);
  return { c, uri };
}

describe('rename of process groups', () => {
  it('announces prepare-rename, references and highlights', async () => {
    const { c } = await opened(TEXT);
    expect(c.serverCapabilities).toMatchObject({ renameProvider: { prepareProvider: true }, referencesProvider: true, documentHighlightProvider: true });
  });

  it('prepares on the key and on a list item, with the name without its quotes', async () => {
    const { c, uri } = await opened(TEXT);
    expect(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: at(TEXT, 'worker = ') })).toEqual({
      range: { start: { line: 4, character: 2 }, end: { line: 4, character: 8 } },
      placeholder: 'worker',
    });
    expect(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: at(TEXT, "'worker'", 3) })).toEqual({
      range: { start: { line: 15, character: 16 }, end: { line: 15, character: 22 } },
      placeholder: 'worker',
    });
    // Not a process name: no rename here.
    expect(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: at(TEXT, 'bin/web') })).toBeNull();
    expect(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: at(TEXT, 'internal_port') })).toBeNull();
  });

  it('renames from a reference: the definition and every list, and the file stays valid and clean', async () => {
    const { c, uri } = await opened(TEXT);
    const edit = await c.request('textDocument/rename', { textDocument: { uri }, position: at(TEXT, '"web", "worker"', 2), newName: 'api' });
    const out = applyEdits(TEXT, edit.changes[uri]);
    expect(out).toBe(TEXT.replace('web = "bin/web"', 'api = "bin/web"').replace('processes = ["web"]', 'processes = ["api"]').replace('["web", "worker"]', '["api", "worker"]'));
    expect(parseToml(out).errors).toEqual([]);
    expect(lintText(out, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'unknown-process')).toEqual([]);
  });

  it('refuses a name flyctl commands cannot address, and one already taken, with the reason', async () => {
    const { c, uri } = await opened(TEXT);
    const position = at(TEXT, 'web = ');
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position, newName: 'web server' })).rejects.toThrow('"web server" has white space, which a process group name cannot have');
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position, newName: 'worker' })).rejects.toThrow('A process group "worker" is already defined in [processes]');
  });

  it('refuses to rename a name that no group defines', async () => {
    const text = 'app = "shop"\n[http_service]\n  processes = ["app"]\n';
    const { c, uri } = await opened(text);
    await expect(c.request('textDocument/prepareRename', { textDocument: { uri }, position: at(text, '"app"]', 2) })).rejects.toThrow('No process group "app" is defined in [processes]');
  });
});

describe('references of process groups', () => {
  it('lists the definition and every list naming the group, or the lists alone', async () => {
    const { c, uri } = await opened(TEXT);
    const lines = (locations: Array<{ uri: string; range: { start: { line: number } } }>) => locations.map((l) => [l.uri === uri, l.range.start.line]);
    const position = at(TEXT, "'worker'", 2);
    expect(lines(await c.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }))).toEqual([
      [true, 4],
      [true, 11],
      [true, 15],
    ]);
    expect(lines(await c.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } }))).toEqual([
      [true, 11],
      [true, 15],
    ]);
    expect(await c.request('textDocument/references', { textDocument: { uri }, position: at(TEXT, 'policy'), context: { includeDeclaration: true } })).toEqual([]);
  });

  it('highlights the definition as a write and the lists as reads', async () => {
    const { c, uri } = await opened(TEXT);
    const highlights = await c.request('textDocument/documentHighlight', { textDocument: { uri }, position: at(TEXT, 'web = ') });
    expect(highlights).toEqual([
      { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } }, kind: 3 },
      { range: { start: { line: 8, character: 15 }, end: { line: 8, character: 20 } }, kind: 2 },
      { range: { start: { line: 11, character: 15 }, end: { line: 11, character: 20 } }, kind: 2 },
    ]);
  });
});
