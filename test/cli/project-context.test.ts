/**
 * Files named on their own (pre-commit names only the staged ones) are linted with the other
 * configs of their project around them: those are read for the cross-file rules, never reported,
 * fixed or counted.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylint, project } from './run-cli.js';

const PRODUCTION = 'app = "shop"\nprimary_region = "ams"\n';
const STAGING = 'app = "shop"\nprimary_region = "ams"\n';

interface JsonFile {
  filePath: string;
  messages: Array<{ ruleId: string; message: string }>;
}

function lint(args: string[], cwd: string, input?: string): { code: number | null; files: JsonFile[] } {
  const r = flylint(['--format', 'json', ...args], { cwd, ...(input !== undefined ? { input } : {}) });
  expect(r.stderr).toBe('');
  return { code: r.code, files: JSON.parse(r.stdout) as JsonFile[] };
}

const ruleIds = (file: JsonFile | undefined) => (file?.messages ?? []).map((m) => m.ruleId);

/** A folder that git would call a repository root. */
function repository(files: Record<string, string>): string {
  const dir = project(files);
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('the project around files named on their own', () => {
  it('reads the other configs of the repository, reports only the named file, and fails on what they show', () => {
    const dir = repository({ 'api/fly.toml': PRODUCTION, 'api/fly.staging.toml': STAGING, 'web/fly.toml': 'app = "web"\nprimary_region = "ams"\n' });
    const { code, files } = lint(['api/fly.staging.toml'], dir);
    expect(code).toBe(1);
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'api', 'fly.staging.toml')]);
    const shared = files[0]!.messages.find((m) => m.ruleId === 'shared-app-name');
    expect(shared?.message).toContain('fly.toml (production)');
    // Named from a subfolder, the repository is still the project.
    expect(ruleIds(lint(['fly.staging.toml'], join(dir, 'api')).files[0])).toContain('shared-app-name');
  });

  it('reads the whole repository, not only the named file\'s folder', () => {
    const dir = repository({ 'deploy/production/fly.toml': PRODUCTION, 'deploy/staging/fly.toml': '# flylint-env: staging\napp = "shop"\nprimary_region = "ams"\n' });
    expect(ruleIds(lint(['deploy/staging/fly.toml'], dir).files[0])).toContain('shared-app-name');
  });

  it('stops at the nearest .flylint.toml with root = true when it is nearer than the repository root', () => {
    const dir = repository({ 'fly.toml': PRODUCTION, 'apps/shop/.flylint.toml': 'root = true\n', 'apps/shop/fly.staging.toml': STAGING });
    expect(ruleIds(lint(['apps/shop/fly.staging.toml'], dir).files[0])).not.toContain('shared-app-name');
    const sameProject = repository({ 'apps/shop/fly.toml': PRODUCTION, 'apps/shop/.flylint.toml': 'root = true\n', 'apps/shop/fly.staging.toml': STAGING });
    expect(ruleIds(lint(['apps/shop/fly.staging.toml'], sameProject).files[0])).toContain('shared-app-name');
  });

  it('takes a .flylint.toml with root = true as the project outside a repository', () => {
    const dir = project({ '.flylint.toml': 'root = true\n', 'production/fly.toml': PRODUCTION, 'staging/fly.toml': '# flylint-env: staging\napp = "shop"\nprimary_region = "ams"\n' });
    expect(ruleIds(lint(['staging/fly.toml'], dir).files[0])).toContain('shared-app-name');
  });

  it('outside a repository and without root = true, reads the named file\'s folder only, not the folders below it', () => {
    const dir = project({ 'fly.toml': PRODUCTION, 'fly.staging.toml': STAGING, 'old/fly.review.toml': STAGING });
    const { files } = lint(['fly.staging.toml'], dir);
    const shared = files[0]!.messages.filter((m) => m.ruleId === 'shared-app-name');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.message).toContain('fly.toml (production)');
  });

  it('honours .gitignore, as a folder walk does', () => {
    const dir = repository({ '.gitignore': 'generated/\n', 'generated/fly.toml': PRODUCTION, 'fly.staging.toml': STAGING });
    expect(ruleIds(lint(['fly.staging.toml'], dir).files[0])).not.toContain('shared-app-name');
  });

  it('reads the configs a .flylint.toml includes', () => {
    const dir = repository({ '.flylint.toml': 'include = ["deploy/fly/*.toml"]\n', 'deploy/fly/prod.toml': `# flylint-env: production\n${PRODUCTION}`, 'deploy/fly/staging.toml': `# flylint-env: staging\n${STAGING}` });
    const { code, files } = lint(['deploy/fly/staging.toml'], dir);
    expect(code).toBe(1);
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'deploy', 'fly', 'staging.toml')]);
    expect(ruleIds(files[0])).toContain('shared-app-name');
  });

  it('places standard input in the project its --stdin-filename names, and no other', () => {
    const dir = repository({ 'api/fly.toml': PRODUCTION, 'api/fly.staging.toml': 'app = "shop-staging"\nprimary_region = "ams"\n' });
    // The text on standard input stands for the file of that name: the one on disk is not read.
    const named = lint(['--stdin', '--stdin-filename', 'api/fly.staging.toml'], dir, STAGING);
    expect(named.files.map((f) => f.filePath)).toEqual([join(dir, 'api', 'fly.staging.toml')]);
    expect(ruleIds(named.files[0])).toContain('shared-app-name');
    expect(ruleIds(lint(['--stdin', '--stdin-filename', 'api/fly.toml'], dir, PRODUCTION).files[0])).not.toContain('shared-app-name');
    // Without a name there is nothing to place it by.
    expect(ruleIds(lint(['--stdin'], join(dir, 'api'), STAGING).files[0])).not.toContain('shared-app-name');
  });

  it('does not report, count or fail on the configs around, and --fix writes only the named files', () => {
    const broken = 'app = "shop"\nprimary_region = "ams\n[experimental]\ncmd = "start"\n';
    const fixable = '# flylint-env: staging\napp = "shop-staging"\nprimary_region = "ams"\n[experimental]\ncmd = "start"\n';
    const dir = repository({ 'api/fly.toml': broken, 'web/fly.toml': 'app = "web"\n[experimental]\ncmd = "start"\n', 'api/fly.staging.toml': fixable });
    const fixed = flylint(['--fix', 'api/fly.staging.toml'], { cwd: dir });
    expect(fixed).toEqual({ code: 0, stdout: '✔ Fixed 1 problem in 1 file\n1 file checked, no problems\n', stderr: '' });
    expect(readFileSync(join(dir, 'api', 'fly.staging.toml'), 'utf8')).toBe(fixable.replace('cmd = "start"', 'cmd = ["start"]'));
    expect(readFileSync(join(dir, 'api', 'fly.toml'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'web', 'fly.toml'), 'utf8')).toBe('app = "web"\n[experimental]\ncmd = "start"\n');
    expect(flylint(['--max-warnings', '0', 'api/fly.staging.toml'], { cwd: dir })).toEqual({ code: 0, stdout: '1 file checked, no problems\n', stderr: '' });
  });

  it('reads each config once: a file named twice, or named and inside a folder given, is no context of itself', () => {
    const dir = repository({ 'api/fly.toml': 'app = "shop"\nprimary_region = "ams"\n' });
    const { code, files } = lint(['api/fly.toml', './api/fly.toml', 'api'], dir);
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'api', 'fly.toml')]);
    expect(ruleIds(files[0])).not.toContain('shared-app-name');
    expect(code).toBe(0);
  });
});
