/**
 * The README's CLI sections, read as a new user would: every example output is what the CLI prints (the
 * golden files), every command runs as written, every config snippet is accepted.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, flylint, project } from './run-cli.js';
import { hasTool } from '../editors/require-tool.js';

const doc = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const golden = (format: string) => readFileSync(join(process.cwd(), 'test', 'cli', 'golden', `${format}.txt`), 'utf8');
const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'cli', 'fixtures', 'formats', name), 'utf8');

/** The fenced blocks under a heading, up to the next heading of the same or a higher level. */
function blocks(heading: string, lang = ''): string[] {
  const level = /^#+/.exec(heading)![0].length;
  const found: Array<{ lang: string; text: string }> = [];
  let inSection = false;
  let fence: { lang: string; lines: string[] } | undefined;
  for (const line of doc.split('\n')) {
    if (fence) {
      if (line === '```') {
        if (inSection) found.push({ lang: fence.lang, text: fence.lines.map((l) => l + '\n').join('') });
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^```(\w*)$/.exec(line);
    if (open) fence = { lang: open[1]!, lines: [] };
    else if (line === heading) inSection = true;
    else if (inSection && new RegExp(`^#{1,${level}} `).test(line)) break;
  }
  if (!inSection) throw new Error(`no heading ${heading}`);
  return found.filter((b) => b.lang === lang).map((b) => b.text);
}

describe('the README, CLI sections', () => {
  it('shows the example project as it is', () => {
    expect(blocks('## Output formats', 'toml')).toEqual([fixture('fly.toml'), fixture('fly.staging.toml')]);
  });

  it('shows stylish and github output exactly as printed', () => {
    expect(blocks('### `stylish` (the default)')[0]).toBe(golden('stylish'));
    const printed = golden('github').split('\n');
    const shown = blocks('### `github`')[0]!.trimEnd().split('\n');
    expect(shown.length).toBeGreaterThan(2);
    for (const line of shown) expect(printed).toContain(line);
  });

  it('shows JSON and SARIF excerpts that match the real output', () => {
    const [file] = JSON.parse(blocks('### `json`', 'json')[0]!);
    const real = (JSON.parse(golden('json')) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>).find((f) => f.filePath.endsWith('/fly.toml'))!;
    for (const message of file.messages) expect(real.messages.find((m) => m.ruleId === message.ruleId)).toEqual(message);
    const { filePath: _a, messages: _b, source: _c, ...counts } = file;
    expect(real).toMatchObject(counts);
    const result = JSON.parse(blocks('### `sarif`', 'json')[0]!);
    const realResult = JSON.parse(golden('sarif')).runs[0].results.find((r: { ruleId: string }) => r.ruleId === result.ruleId);
    expect(realResult).toEqual(result);
  });

  it('runs every command of Usage as written', () => {
    const commands = blocks('## Usage', 'sh')[0]!.split('\n').map((line) => line.replace(/\s+#.*$/, '')).filter(Boolean);
    expect(commands.length).toBeGreaterThan(5);
    const shim = mkdtempSync(join(tmpdir(), 'flylint-path-'));
    writeFileSync(join(shim, 'flylint'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(shim, 'flylint'), 0o755);
    for (const command of commands) {
      const dir = join(mkdtempSync(join(tmpdir(), 'flylint-doc-')), 'shop');
      mkdirSync(dir);
      cpSync(join(process.cwd(), 'test', 'cli', 'fixtures', 'formats'), dir, { recursive: true });
      const r = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${shim}:${process.env.PATH}`, NO_COLOR: '1' } });
      expect([0, 1], `${command}\n${r.stderr}`).toContain(r.status);
      expect(r.stdout.length, command).toBeGreaterThan(0);
    }
  });

  it('documents a config file that flylint accepts, and a real config error', () => {
    const [config] = blocks('## Configuration file', 'toml');
    const dir = project({ '.flylint.toml': config!, 'fly.toml': fixture('fly.toml') });
    const r = flylint(['--print-config', 'fly.toml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rules).toMatchObject({ 'missing-metrics': 'info', 'ambiguous-duration': 'error' });
    const [error] = blocks('## Configuration file');
    const bad = project({ '.flylint.toml': 'root = true\n[rules]\nmissing-swapp = "off"\n', 'fly.toml': fixture('fly.toml') });
    expect(flylint([], { cwd: bad }).stderr).toBe(error);
  });

  it('documents suppressions that suppress', () => {
    const [snippet] = blocks('## Inline suppressions', 'toml');
    const dir = project({ 'fly.toml': `app = "shop"\n${snippet}` });
    const ids = (JSON.parse(flylint(['--format', 'json'], { cwd: dir }).stdout)[0].messages as Array<{ ruleId: string }>).map((m) => m.ruleId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ['unused-suppression', 'primary-region', 'unknown-key', 'missing-metrics']) expect(ids).not.toContain(id);
  });

  it.skipIf(!hasTool('python3'))('has YAML snippets that name the real hook, inputs and outputs', () => {
    const yaml = (text: string) => {
      const r = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: text, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const hooks = yaml(readFileSync(join(process.cwd(), '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string }>;
    const preCommit = yaml(blocks('## pre-commit', 'yaml')[0]!);
    expect(hooks.map((h) => h.id)).toContain(preCommit.repos[0].hooks[0].id);
    const action = yaml(readFileSync(join(process.cwd(), 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const workflows = blocks('## GitHub Actions', 'yaml').map(yaml);
    expect(workflows).toHaveLength(2);
    for (const workflow of workflows) {
      const steps = workflow.jobs.flylint.steps as Array<{ uses?: string; with?: Record<string, string> }>;
      const ours = steps.find((s) => s.uses?.startsWith('flylint/flylint@'))!;
      for (const input of Object.keys(ours.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
      if (upload) expect(Object.keys(action.outputs)).toContain(/outputs\.([\w-]+)/.exec(upload.with!.sarif_file!)![1]);
    }
  });
});
