/** No network, no code from the workspace, and a detected secret never appears in any output. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylint } from '../cli/run-cli.js';
import { startClient } from '../lsp/lsp-client.js';

const SECRET = 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX';
const CONFIG = `app = "shop"\n\n[env]\n  STRIPE_SECRET_KEY = "${SECRET}"\n  DATABASE_URL = "postgres://shop:Xy7pQ2vLm9Rt@db.internal:5432/shop"\n\n[build.args]\n  NPM_TOKEN = "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"\n`;
const LEAKS = [SECRET.slice(2), 'Xy7pQ2vLm9Rt', 'AbCdEfGhIjKlMnOpQrSt'];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-sec-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const noNetwork = { NODE_OPTIONS: `--import=${join(process.cwd(), 'test', 'reliability', 'no-network.mjs')}` };

describe('security', () => {
  it('never touches the network (CLI with every format, and --fix)', () => {
    const dir = project({ 'fly.toml': CONFIG, 'fly.staging.toml': 'app = "shop-staging"\n' });
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = flylint(['--format', format], { cwd: dir, env: noNetwork });
      expect(r.stderr).not.toContain('NETWORK');
      expect(r.code).toBe(1);
    }
    expect(flylint(['--fix', '--unsafe-fixes'], { cwd: dir, env: noNetwork }).stderr).not.toContain('NETWORK');
  });

  it('never prints a detected secret, in any format or in --print-config', () => {
    const dir = project({ 'fly.toml': CONFIG });
    const outputs = ['stylish', 'json', 'sarif', 'github'].map((format) => flylint(['--format', format, 'fly.toml'], { cwd: dir }));
    outputs.push(flylint(['--print-config', 'fly.toml'], { cwd: dir }));
    for (const r of outputs) for (const leak of LEAKS) expect(r.stdout + r.stderr).not.toContain(leak);
    expect(outputs[1]!.stdout).toContain('secret-in-env');
  });

  it('never sends a detected secret to the editor', async () => {
    const dir = project({ 'fly.toml': CONFIG });
    const client = await startClient(dir);
    const uri = `file://${dir}/fly.toml`;
    const published = client.diagnostics(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: CONFIG } });
    const { diagnostics } = await published;
    expect(diagnostics.filter((d) => d.code === 'secret-in-env')).toHaveLength(3);
    const line = diagnostics.find((d) => d.code === 'secret-in-env')!;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: line.range, context: { diagnostics: [line] } });
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
    const everything = JSON.stringify([diagnostics, actions, hover]);
    for (const leak of LEAKS) expect(everything).not.toContain(leak);
    await client.close();
  });

  it('a malicious .flylint.toml cannot run code: it is data, and unknown keys are errors', () => {
    const marker = join(tmpdir(), `flylint-pwned-${process.pid}`);
    const dir = project({
      'fly.toml': 'app = "shop-staging"\n',
      'evil.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')`,
      '.flylint.toml': `root = true\nextends = "./evil.js"\nplugins = ["./evil.js"]\n[rules]\nmissing-swap = "require('child_process').execSync('touch ${marker}')"\n`,
    });
    const r = flylint([], { cwd: dir, env: noNetwork });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown key "extends"');
    expect(existsSync(marker)).toBe(false);
  });

  it('reads only configs, .flylint.toml and .gitignore files, never files a config points at', () => {
    const dir = project({ 'fly.toml': 'app = "shop"\n[build]\ndockerfile = "../../../../etc/passwd"\n[[files]]\nguest_path = "/x"\nlocal_path = "/etc/shadow"\n' });
    const r = flylint([], { cwd: dir, env: { NODE_OPTIONS: `--import=${join(process.cwd(), 'test', 'reliability', 'trace-reads.mjs')}` } });
    const reads = r.stderr.split('\n').filter((l) => l.startsWith('READ ')).map((l) => l.slice(5));
    expect(reads).toContain(join(dir, 'fly.toml'));
    // `.git` is only looked for (to find the repository root for .gitignore rules), never read.
    const outside = reads.filter((p) => p.startsWith(dir) && !/(fly[^/]*\.toml|\.flylint\.toml|\.gitignore|\/\.git)$/.test(p) && p !== dir);
    expect(outside).toEqual([]);
    expect(reads.filter((p) => /passwd|shadow/.test(p))).toEqual([]);
  });
});
