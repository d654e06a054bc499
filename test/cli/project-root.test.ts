/** The CLI reads the folders between the repository root and a config as environment signals. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylintInProcess, project } from './run-cli.js';

const environment = (dir: string, file: string) => JSON.parse(flylintInProcess(['--print-config', file], { cwd: dir }).stdout).environment;

describe('project root', () => {
  it('a folder between the repository root and the file names the environment', () => {
    const dir = project({ 'staging/api/fly.toml': 'app = "api"\n', 'production/api/fly.toml': 'app = "api-prod-copy"\n' });
    mkdirSync(join(dir, '.git'));
    expect(environment(dir, 'staging/api/fly.toml')).toMatchObject({ name: 'staging', source: 'folder', reason: 'folder "staging" above the file' });
    expect(environment(dir, 'production/api/fly.toml')).toMatchObject({ name: 'production', source: 'folder' });
  });

  it('outside a repository only the file\'s own folder counts', () => {
    const dir = project({ 'staging/api/fly.toml': 'app = "api"\n' });
    expect(environment(dir, 'staging/api/fly.toml')).toMatchObject({ name: 'production', source: 'default' });
  });

  it('folders above the repository root do not count', () => {
    const outer = project({ 'staging/shop/fly.toml': 'app = "shop"\n' });
    mkdirSync(join(outer, 'staging', 'shop', '.git'));
    expect(environment(join(outer, 'staging', 'shop'), 'fly.toml')).toMatchObject({ name: 'production', source: 'default' });
  });

  it('--print-config says which [env] label decided', () => {
    const dir = project({ 'fly.translate.toml': 'app = "prereview-translate"\n[env]\nENVIRONMENT_LABEL = "sandbox"\nNODE_ENV = "production"\n' });
    expect(environment(dir, 'fly.translate.toml')).toEqual({ name: 'sandbox', isProduction: false, source: 'env-label', reason: '[env] ENVIRONMENT_LABEL = "sandbox"' });
  });
});
