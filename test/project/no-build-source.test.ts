import { describe, expect, it } from 'vitest';
import { expectCase, findingsOf, type ProjectCase } from './helpers.js';
import { lintText } from '../../server/src/index.js';
import { memoryProjectView } from '../../server/src/project/memory-view.js';

const RULE = 'no-build-source';
const cases: ProjectCase[] = [
  { name: 'no Dockerfile anywhere flyctl looks', toml: 'app = "x"\n', files: { 'README.md': '' }, expect: [{ at: 'app', message: /^No Dockerfile in this config's folder \(the project root\), and \[build\] names no image, builder or dockerfile: a deploy will need one/, severity: 'info' }] },
  { name: 'a sub-folder config with none beside it nor at the root', config: 'deploy/fly.toml', toml: 'app = "x"\n[build]\n[build.args]\nA = "1"\n', files: { 'src/Dockerfile': '' }, expect: [{ at: '[build]', message: /beside this config or at the project root/ }] },
  { name: 'a Dockerfile beside the config', toml: 'app = "x"\n', files: { Dockerfile: 'FROM x\n' }, expect: [] },
  { name: 'a lower-case dockerfile', toml: 'app = "x"\n', files: { dockerfile: 'FROM x\n' }, expect: [] },
  { name: 'a Dockerfile at the root for a sub-folder config', config: 'fly/fly.toml', toml: 'app = "x"\n', files: { Dockerfile: 'FROM x\n' }, expect: [] },
  { name: 'a Dockerfile folder is not a Dockerfile', toml: 'app = "x"\n', files: { 'Dockerfile/x': '' }, expect: [{ at: 'app' }] },
  { name: '[build] image', toml: 'app = "x"\n[build]\nimage = "nginx"\n', files: {}, expect: [] },
  { name: '[build] dockerfile (missing-build-file judges it)', toml: 'app = "x"\n[build]\ndockerfile = "D"\n', files: {}, expect: [] },
  { name: '[build] builder', toml: 'app = "x"\n[build]\nbuilder = "heroku/builder:24"\n', files: {}, expect: [] },
  { name: '[build] buildpacks', toml: 'app = "x"\n[build]\nbuildpacks = ["x"]\n', files: {}, expect: [] },
  { name: '[build] builtin', toml: 'app = "x"\n[build]\nbuiltin = "node"\n', files: {}, expect: [] },
  { name: 'only a build-target still needs a Dockerfile', toml: 'app = "x"\n[build]\nbuild-target = "web"\n', files: {}, expect: [{ at: '[build]' }] },
  { name: 'Fly Postgres (pg_tls on 5432)', toml: 'app = "db"\n[[services]]\ninternal_port = 5432\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n', files: {}, expect: [] },
  { name: 'Fly Postgres with no services, known by its /flycheck checks', toml: 'app = "db"\n[checks]\n[checks.pg]\nport = 5500\ntype = "http"\npath = "/flycheck/pg"\n', files: {}, expect: [] },
  { name: 'Fly Postgres (internal 5433)', toml: 'app = "db"\n[[services]]\ninternal_port = 5433\nprotocol = "tcp"\n', files: {}, expect: [] },
];

describe(RULE, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(RULE, c));

  it('is off by default and silent without a project view', () => {
    expect(findingsOf(RULE, cases[0]!, false)).toEqual([]);
    const firing = cases.find((c) => c.expect.length)!;
    expect(findingsOf(RULE, firing)).not.toEqual([]);
    const byDefault = lintText(firing.toml, { filePath: '/repo/fly.toml', projectRoot: '/repo', projectView: memoryProjectView('fly.toml', firing.files) });
    expect(byDefault.filter((f) => f.ruleId === RULE)).toEqual([]);
  });
});
