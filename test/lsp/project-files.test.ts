/**
 * The language server and the files a config names, over the protocol in process: diagnostics
 * follow a named file appearing and going away (watched files), document links reach only files
 * that exist, hover on internal_port shows what the Dockerfile exposes, and the findings are the
 * CLI's for the same project.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startClient, type TestClient } from './lsp-client.js';
import { flylintInProcess } from '../cli/run-cli.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-project-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const WATCH = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
const clients: TestClient[] = [];
async function client(root: string, options: Parameters<typeof startClient>[1] = {}): Promise<TestClient> {
  const c = await startClient(root, options);
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const NAMED = 'app = "shop"\nprimary_region = "ams"\n\n[build]\n  dockerfile = "../docker/Dockerfile"\n  ignorefile = \'.dockerignore\'\n\n[[files]]\n  guest_path = "/etc/app.yaml"\n  local_path = "config/app.yaml"\n';

describe('the files a config names, in the editor', () => {
  it('reports a missing Dockerfile, and clears it when the file appears (watched files)', async () => {
    const dir = project({ 'web/fly.toml': NAMED, 'web/.dockerignore': 'node_modules\n', 'config/app.yaml': 'a: 1\n' });
    const c = await client(dir, { capabilities: WATCH });
    const uri = fileUri(join(dir, 'web/fly.toml'));
    c.open(uri, NAMED);
    const first = await c.diagnostics(uri);
    expect(first.diagnostics.filter((d) => d.code === 'missing-build-file').map((d) => d.message)).toEqual([expect.stringMatching(/^\[build\] dockerfile "\.\.\/docker\/Dockerfile" does not exist \(docker\/Dockerfile, from the project root\)/)]);
    mkdirSync(join(dir, 'docker'));
    writeFileSync(join(dir, 'docker/Dockerfile'), 'FROM node:22\nEXPOSE 3000\n');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'docker/Dockerfile')), type: 1 }] });
    await c.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-build-file'));
    rmSync(join(dir, 'config'), { recursive: true });
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'config')), type: 3 }] });
    const gone = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-build-file' && d.message.includes('local_path')));
    expect(gone.diagnostics.filter((d) => d.code === 'missing-build-file').map((d) => d.message)).toEqual([expect.stringMatching(/^\[\[files\]\] local_path "config\/app\.yaml" does not exist/)]);
  });

  it('links the named files that exist, inside the quotes', async () => {
    const dir = project({ 'web/fly.toml': NAMED, 'docker/Dockerfile': 'FROM x\n', 'web/.dockerignore': '' });
    const c = await client(dir);
    const uri = fileUri(join(dir, 'web/fly.toml'));
    c.open(uri, NAMED);
    const links = await c.request('textDocument/documentLink', { textDocument: { uri } });
    expect(links).toEqual([
      { range: { start: { line: 4, character: 16 }, end: { line: 4, character: 36 } }, target: fileUri(join(dir, 'docker/Dockerfile')), tooltip: '[build] dockerfile: docker/Dockerfile' },
      { range: { start: { line: 5, character: 16 }, end: { line: 5, character: 29 } }, target: fileUri(join(dir, 'web/.dockerignore')), tooltip: '[build] ignorefile: web/.dockerignore' },
    ]);
  });

  it('answers no links for a config outside any project file', async () => {
    const dir = project({ 'fly.toml': 'app = "x"\n' });
    const c = await client(dir);
    const uri = fileUri(join(dir, 'fly.toml'));
    c.open(uri, 'app = "x"\n');
    expect(await c.request('textDocument/documentLink', { textDocument: { uri } })).toEqual([]);
  });

  it('shows on internal_port what the Dockerfile exposes', async () => {
    const text = 'app = "shop"\n\n[http_service]\n  internal_port = 8080\n';
    const dir = project({ 'fly.toml': text, Dockerfile: 'FROM node AS base\nEXPOSE 3000\nFROM base\nCMD ["node", "s.js"]\n' });
    const c = await client(dir, { capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } } });
    const uri = fileUri(join(dir, 'fly.toml'));
    c.open(uri, text);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
    expect(hover.contents.value).toContain('**Dockerfile**: the image built from `Dockerfile` exposes port 3000.');
    const elsewhere = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(JSON.stringify(elsewhere ?? '')).not.toContain('**Dockerfile**');
    // A client that lists no markdown gets the same line as plain text.
    const plain = await client(dir);
    plain.open(uri, text);
    const plainHover = await plain.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
    expect(plainHover.contents).toMatchObject({ kind: 'plaintext' });
    expect(plainHover.contents.value).toContain('Dockerfile: the image built from Dockerfile exposes port 3000.');
  });

  it('reports what the CLI reports for the same project', async () => {
    const text = 'app = "shop"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n\n[[files]]\n  guest_path = "/a"\n  local_path = "missing.txt"\n';
    const dir = project({ 'fly.toml': text, Dockerfile: 'FROM node\nEXPOSE 3000\n', '.flylint.toml': '[rules]\nport-mismatch = "warning"\nno-build-source = "info"\n' });
    const c = await client(dir, { settings: {} });
    const uri = fileUri(join(dir, 'fly.toml'));
    c.open(uri, text);
    const editor = (await c.diagnostics(uri)).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
    const cli = flylintInProcess(['--format', 'json', join(dir, 'fly.toml')], { cwd: dir });
    const cliFindings = JSON.parse(cli.stdout)[0].messages.map((m: any) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`).sort();
    expect(editor).toEqual(cliFindings);
    expect(editor.some((line) => line.startsWith('port-mismatch 5:19'))).toBe(true);
    expect(editor.some((line) => line.startsWith('missing-build-file 9:16'))).toBe(true);
  });
});
