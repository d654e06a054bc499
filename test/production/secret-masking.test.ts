/**
 * No output repeats a secret, whatever state the file is in and whatever the rule levels and
 * filters: messages, code frames, the JSON source, fixes, SARIF, GitHub annotations, the language
 * server's diagnostics and hovers. The secrets come from the text (secret-mask.ts), not from findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { secretMask } from '../../server/src/lint/secret-mask.js';
import { lintText } from '../../server/src/index.js';
import { flylint, project } from '../cli/run-cli.js';
import { fileUri, startClient, type TestClient } from '../lsp/lsp-client.js';

/** The part of the secret that must never be printed (a masked value may show its first two characters). */
const TAIL = 'K2mP7vL4nR8tWb';
const SECRET = `Zq9x${TAIL}`;

const CASES: Array<[string, string]> = [
  ['a stray quote', `[env]\n  DB_PASSWORD = "abc"${SECRET}"\n`],
  ['a placeholder, then the real key', `[env]\n  DB_PASSWORD = "changeme"\n  DB_PASSWORD = "${SECRET}"\n`],
  ['an unquoted value', `[env]\n  DB_PASSWORD = ${SECRET}\n`],
  ['an unterminated string', `[env]\n  API_TOKEN = "${SECRET}\n`],
  ['a dotted key defined twice', `env.DB_PASSWORD = "changeme"\nenv.DB_PASSWORD = "${SECRET}"\n`],
  ['a password in a URL under another name', `[env]\n  DATABASE_URL = "postgres://app:${SECRET}@db.internal:5432/app"\n  DATABASE_URL = "x"\n`],
  ['a token in an inline table', `[env]\n  CONFIG = { STRIPE_SECRET_KEY = "${SECRET}", mode = 1, mode = 2 }\n`],
  ['a known token format under a harmless name', `[build.args]\n  FOO = "ghp_${SECRET}"\n  FOO = "1"\n`],
];

function config(body: string): string {
  return `app = "shop"\nprimary_region = "ams"\n${body}`;
}

describe('the secrets of a text', () => {
  it.each(CASES)('%s: its secret is a masked span', (_name, body) => {
    const text = config(body);
    const mask = secretMask(text);
    expect(mask.maskedText()).not.toContain(TAIL);
    // The rest of the file stays as it is.
    expect(mask.maskedText()).toContain('primary_region = "ams"');
  });

  it('masks a PEM block in a multi-line string line by line, keeping the lines', () => {
    const text = `[env]\nPRIVATE_KEY = """\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"""\nPORT = "8080"\n`;
    const masked = secretMask(text).maskedText();
    expect(masked).not.toContain('MIIEvQIBADANBgkq');
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked).toContain('PORT = "8080"');
  });

  it('takes the names of user patterns, and leaves settings alone', () => {
    const text = '[env]\nLICENSE = "q8v3k2m9"\nPORT = "8080"\nLOG_LEVEL = "debug"\n';
    expect(secretMask(text).maskedText()).toBe(text);
    expect(secretMask(text, undefined, ['^LICENSE$']).maskedText()).toBe('[env]\nLICENSE = "…"\nPORT = "8080"\nLOG_LEVEL = "debug"\n');
  });

  it('masks what a message quotes of a secret, and nothing else', () => {
    const mask = secretMask(config(CASES[0]![1]));
    expect(mask.message(`Expected the end of the line, found "${SECRET.slice(0, 20)}"`)).toBe('Expected the end of the line, found "Zq…"');
    expect(mask.message('[env] DB_PASSWORD looks like a secret')).toBe('[env] DB_PASSWORD looks like a secret');
    expect(mask.message('Duplicate key "DB_PASSWORD"')).toBe('Duplicate key "DB_PASSWORD"');
  });

  it('leaves alone a quoted name that only resembles a secret, and masks a short quoted part where the finding is', () => {
    const text = 'app = "restarters-dev"\n[env]\nDB_PASSWORD = "restarters_preview"\nAPI_TOKEN = "abc"xyz"\n';
    const mask = secretMask(text);
    const message = 'app = "restarters-dev" is also the app of fly.dev.toml, e.g. "restarters-dev-preview"';
    expect(mask.message(message, [6, 22])).toBe(message);
    const tail = text.indexOf('xyz');
    expect(mask.message('Expected the end of the line, found "xyz""', [tail, tail + 4])).toBe('Expected the end of the line, found "…""');
  });

  it('the engine masks every message, whichever rule wrote it', () => {
    for (const [, body] of CASES) {
      for (const f of lintText(config(body), { filePath: '/p/fly.toml' })) {
        expect(f.message).not.toContain(TAIL.slice(0, 6));
        for (const rel of f.related ?? []) expect(rel.message).not.toContain(TAIL.slice(0, 6));
      }
    }
  });
});

describe('the CLI prints no secret', () => {
  const formats = ['stylish', 'json', 'sarif', 'github'];

  it.each(CASES)('%s, in every format', (_name, body) => {
    const dir = project({ 'fly.toml': config(body) });
    for (const format of formats) {
      const r = flylint(['--format', format, 'fly.toml'], { cwd: dir });
      expect(r.stdout.length, format).toBeGreaterThan(0);
      expect(r.stdout, format).not.toContain(TAIL.slice(0, 6));
      expect(r.stderr, format).not.toContain(TAIL.slice(0, 6));
    }
  });

  it('with secret-in-env lowered to a warning by .flylint.toml and --quiet: no source, no frame', () => {
    const dir = project({ '.flylint.toml': '[rules]\nsecret-in-env = "warning"\n', 'fly.toml': config(`[env]\n  DB_PASSWORD = "${SECRET}"\n  PORT = 80 80\n`) });
    const json = flylint(['--quiet', '--format', 'json', 'fly.toml'], { cwd: dir });
    const [report] = JSON.parse(json.stdout) as Array<{ messages: Array<{ ruleId: string }>; source?: string }>;
    expect(report!.messages.map((m) => m.ruleId)).toEqual(['toml-syntax']);
    expect(report).not.toHaveProperty('source');
    expect(json.stdout).not.toContain(TAIL.slice(0, 6));
    for (const format of formats) expect(flylint(['--quiet', '--format', format, 'fly.toml'], { cwd: dir }).stdout).not.toContain(TAIL.slice(0, 6));
  });

  it('shows the code frame of a broken secret line with its value masked, carets under the mask', () => {
    const dir = project({ 'fly.toml': config(CASES[0]![1]) });
    const r = flylint(['fly.toml'], { cwd: dir });
    expect(r.stdout).toContain('4 |   DB_PASSWORD = "ab…\n');
    expect(r.stdout).toMatch(/error +Expected the end of the line, found "Zq…"/);
  });

  it('keeps the source of a file without secrets', () => {
    const dir = project({ 'fly.toml': config('[env]\n  PORT = 80 80\n') });
    const [report] = JSON.parse(flylint(['--format', 'json', 'fly.toml'], { cwd: dir }).stdout) as Array<{ source?: string }>;
    expect(report!.source).toContain('PORT = 80 80');
  });
});

describe('the language server publishes and shows no secret', () => {
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) expect(await c.close()).toBe(0);
  });

  it.each(CASES)('%s: diagnostics and hovers', async (_name, body) => {
    const dir = project({ '.flylint.toml': '[rules]\nsecret-in-env = "off"\n' });
    const c = await startClient(dir);
    clients.push(c);
    const uri = fileUri(`${dir}/fly.toml`);
    const text = config(body);
    c.open(uri, text);
    const published = await c.diagnostics(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const shown = published.diagnostics.map((d) => [d.message, ...(d.relatedInformation ?? []).map((r: { message: string }) => r.message)].join('\n')).join('\n');
    expect(shown).not.toContain(TAIL.slice(0, 6));
    const lines = text.split('\n');
    for (const [line, content] of lines.entries()) {
      const at = content.indexOf('Zq9x');
      if (at < 0) continue;
      for (const character of [at, at + 6, content.indexOf('=') - 2]) {
        const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        expect(hover?.contents.value ?? '').not.toContain(TAIL.slice(0, 6));
      }
    }
  });
});
