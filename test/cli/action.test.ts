/**
 * The GitHub Action (action.yml) cannot run here, but its steps are shell scripts: each is run
 * with bash the way the runner would, with the inputs mapped through `env:` and
 * GITHUB_ACTION_PATH pointing at this checkout (the install step, `npm ci`, is not repeated).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../editors/require-tool.js';
import { project } from './run-cli.js';
import { validateSarif } from './sarif-schema.js';

interface Step {
  name: string;
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

function readAction(): Action {
  const r = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(process.cwd(), 'action.yml')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Action;
}

/** Only `${{ inputs.NAME }}` may appear, and only in `env:` (never in a script: that would be injectable). */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? '');
}

function runAction(action: Action, workspace: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']));
  const outputFile = join(mkdtempSync(join(tmpdir(), 'flylint-action-')), 'output');
  writeFileSync(outputFile, '');
  let stdout = '';
  let code = 0;
  for (const step of action.runs.steps) {
    if (!step.run || /npm ci/.test(step.run)) continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_ACTION_PATH: process.cwd(), GITHUB_OUTPUT: outputFile, NO_COLOR: '1' },
    });
    stdout += r.stdout;
    code = r.status ?? 1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { code, stdout, outputs };
}

describe.skipIf(!hasTool('python3') || !hasTool('bash'))('GitHub Action', () => {
  const action = readAction();
  const BAD = 'app = "shop"\nprimary_region = "ord"\n\n[http_service]\n  internal_port = "8080"\n';

  it('is a composite action whose scripts take inputs only through env', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'args']));
    for (const step of action.runs.steps) {
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
    }
    expect(action.outputs['sarif-file']!.value).toBe('${{ steps.run.outputs.sarif-file }}');
    expect(action.runs.steps.some((s) => s.id === 'run')).toBe(true);
  });

  it('format github: prints annotations and fails the step on errors', () => {
    const workspace = project({ 'deploy/fly.toml': BAD });
    const r = runAction(action, workspace, {});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=deploy/fly.toml,line=5,col=19,endLine=5,endColumn=25,title=invalid-type::');
    expect(r.stdout).toMatch(/^::warning file=deploy\/fly\.toml,/m);
  });

  it('format github with args and paths: passes clean files', () => {
    const workspace = project({ 'a/fly.toml': BAD, 'b/fly.toml': '# flylint-env: staging\napp = "shop-staging"\n' });
    expect(runAction(action, workspace, { paths: 'b' }).code).toBe(0);
    expect(runAction(action, workspace, { paths: 'b', args: '--env production --max-warnings 0' }).code).toBe(1);
  });

  it('format sarif: writes a valid SARIF file, names it in the outputs, and leaves failing to code scanning', () => {
    const workspace = project({ 'fly.toml': BAD });
    const r = runAction(action, workspace, { format: 'sarif' });
    expect(r.code).toBe(0);
    expect(r.outputs['sarif-file']).toBe('flylint.sarif');
    const log = JSON.parse(readFileSync(join(workspace, 'flylint.sarif'), 'utf8'));
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results.some((x: { ruleId: string; level: string }) => x.ruleId === 'invalid-type' && x.level === 'error')).toBe(true);
  });

  it('format sarif: a usage error still fails the step', () => {
    const workspace = project({ 'fly.toml': BAD });
    expect(runAction(action, workspace, { format: 'sarif', args: '--no-such-option' }).code).toBe(2);
  });
});
