/** The CLI's project view: files a config names, read on disk inside the project only. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskProjectView } from '../../server/src/cli/project-view.js';
import { flylintInProcess } from './run-cli.js';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-view-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function ruleIds(dir: string, file: string, extra: string[] = []): Array<[string, string]> {
  const r = flylintInProcess(['--format', 'json', ...extra, join(dir, file)], { cwd: dir });
  return JSON.parse(r.stdout)[0].messages.filter((m: any) => ['missing-build-file', 'no-build-source', 'port-mismatch'].includes(m.ruleId)).map((m: any) => [m.ruleId, m.message]);
}

describe('the CLI reads the project around a config', () => {
  it('resolves [build] dockerfile from the config folder, as flyctl does', () => {
    const dir = repo({ 'fly/fly.toml': 'app = "a"\n[build]\ndockerfile = "containers/backend/Dockerfile"\n', 'containers/backend/Dockerfile': 'FROM x\n' });
    expect(ruleIds(dir, 'fly/fly.toml')).toEqual([['missing-build-file', expect.stringContaining('fly/containers/backend/Dockerfile')]]);
  });

  it('never judges or reads a link that leaves the project', () => {
    const outside = mkdtempSync(join(tmpdir(), 'flylint-outside-'));
    writeFileSync(join(outside, 'Dockerfile'), 'FROM x\nEXPOSE 3000\n');
    const dir = repo({ 'fly.toml': 'app = "a"\n[build]\ndockerfile = "Dockerfile.link"\n[http_service]\ninternal_port = 8080\n' });
    symlinkSync(join(outside, 'Dockerfile'), join(dir, 'Dockerfile.link'));
    expect(ruleIds(dir, 'fly.toml', ['--rule', 'port-mismatch=warning'])).toEqual([]);
    const view = diskProjectView(join(dir, 'fly.toml'), dir);
    expect(view.kind('Dockerfile.link')).toBe('unreadable');
    expect(view.read('Dockerfile.link')).toBeUndefined();
  });

  it('reads the Dockerfile for port-mismatch when the rule is on', () => {
    const dir = repo({ 'fly.toml': 'app = "a"\n[http_service]\ninternal_port = 8080\n', Dockerfile: 'FROM node\nEXPOSE 3000\n' });
    expect(ruleIds(dir, 'fly.toml')).toEqual([]);
    expect(ruleIds(dir, 'fly.toml', ['--rule', 'port-mismatch=warning'])).toEqual([['port-mismatch', expect.stringMatching(/^internal_port = 8080, but the image built from Dockerfile exposes only port 3000/)]]);
  });

  it('shows what exists, folders and listings inside the project', () => {
    const dir = repo({ 'web/fly.toml': '', 'web/a.sh': '', Dockerfile: '' });
    const view = diskProjectView(join(dir, 'web/fly.toml'), dir);
    expect(view.configPath).toBe('web/fly.toml');
    expect([view.kind('Dockerfile'), view.kind('web'), view.kind('nope')]).toEqual(['file', 'directory', 'missing']);
    expect(view.list('web')).toEqual(['a.sh', 'fly.toml']);
  });

  it('a config read from standard input without a name has no project', () => {
    const dir = repo({ Dockerfile: '' });
    const r = flylintInProcess(['--stdin', '--format', 'json'], { cwd: dir, input: 'app = "a"\n[build]\ndockerfile = "missing"\n' });
    expect(JSON.parse(r.stdout)[0].messages.filter((m: any) => m.ruleId === 'missing-build-file')).toEqual([]);
    const named = flylintInProcess(['--stdin', '--stdin-filename', 'fly.toml', '--format', 'json'], { cwd: dir, input: 'app = "a"\n[build]\ndockerfile = "missing"\n' });
    expect(JSON.parse(named.stdout)[0].messages.filter((m: any) => m.ruleId === 'missing-build-file')).toHaveLength(1);
  });
});
