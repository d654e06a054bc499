import { describe, expect, it } from 'vitest';
import { expectCase, findingsOf, type ProjectCase } from './helpers.js';

const RULE = 'missing-build-file';
const cases: ProjectCase[] = [
  { name: 'a dockerfile named relative to the config folder that is not there (OpenHands)', config: 'fly/fly.toml', toml: '[build]\ndockerfile = "containers/backend/Dockerfile"\n', files: { 'containers/backend/Dockerfile': 'FROM x\n' }, expect: [{ at: '"containers/backend/Dockerfile"', message: /^\[build\] dockerfile "containers\/backend\/Dockerfile" does not exist \(fly\/containers\/backend\/Dockerfile, from the project root\): flyctl reads it relative to this config's folder/, severity: 'error' }] },
  { name: 'a dockerfile reached with ../ from a sub-folder config', config: 'fly/fly.toml', toml: '[build]\ndockerfile = "../containers/backend/Dockerfile"\n', files: { 'containers/backend/Dockerfile': 'FROM x\n' }, expect: [] },
  { name: 'a dockerfile beside the config', toml: '[build]\ndockerfile = "Dockerfile.prod"\n', files: { 'Dockerfile.prod': 'FROM x\n' }, expect: [] },
  { name: 'an absolute dockerfile is joined to the config folder, as filepath.Join does', config: 'app/fly.toml', toml: '[build]\ndockerfile = "/Dockerfile"\n', files: { 'app/Dockerfile': 'FROM x\n' }, expect: [] },
  { name: 'an absolute dockerfile missing under the config folder', config: 'app/fly.toml', toml: '[build]\ndockerfile = "/Dockerfile"\n', files: { Dockerfile: 'FROM x\n' }, expect: [{ at: '"/Dockerfile"', message: /app\/Dockerfile/ }] },
  { name: 'a dockerfile that is a folder', toml: '[build]\ndockerfile = "docker"\n', files: { 'docker/Dockerfile': 'FROM x\n' }, expect: [{ at: '"docker"', message: /is a folder \(docker\), not a file/ }] },
  { name: 'a dockerfile URL is fetched, not read', toml: '[build]\ndockerfile = "https://example.com/Dockerfile"\n', files: {}, expect: [] },
  { name: 'a path above the project root is never judged', toml: '[build]\ndockerfile = "../other/Dockerfile"\n', files: {}, expect: [] },
  { name: 'a missing ignorefile is a warning: flyctl builds with no ignore rules', toml: '[build]\ndockerfile = "Dockerfile"\nignorefile = ".dockerignore.prod"\n', files: { Dockerfile: 'FROM x\n' }, expect: [{ at: '".dockerignore.prod"', message: /builds with no ignore rules/, severity: 'warning' }] },
  { name: 'an ignorefile relative to the config folder', config: 'web/fly.toml', toml: '[build]\nignorefile = "../.dockerignore"\n', files: { '.dockerignore': 'node_modules\n' }, expect: [] },
  { name: 'a local_path found at the project root (fly deploy -c web/fly.toml from the root)', config: 'web/fly.toml', toml: '[[files]]\nguest_path = "/etc/app.yaml"\nlocal_path = "config/app.yaml"\n', files: { 'config/app.yaml': 'a: 1\n' }, expect: [] },
  { name: 'a local_path found beside the config', config: 'web/fly.toml', toml: '[[files]]\nguest_path = "/etc/app.yaml"\nlocal_path = "app.yaml"\n', files: { 'web/app.yaml': 'a: 1\n' }, expect: [] },
  { name: 'a local_path in neither place', config: 'web/fly.toml', toml: '[[files]]\nguest_path = "/etc/app.yaml"\nlocal_path = "app.yaml"\n', files: {}, expect: [{ at: '"app.yaml"', message: /does not exist in this config's folder \(web\/app\.yaml\) or at the project root \(app\.yaml\).*could not read file/, severity: 'error' }] },
  { name: 'a local_path a deploy script writes (headscale-on-fly)', config: 'headscale/fly.toml', toml: '[[files]]\nguest_path = "/etc/headscale/config.yaml"\nlocal_path = "config.yaml"\n', files: { 'headscale/deploy.sh': 'curl -s -o config.yaml https://example.com/config-example.yaml\nfly deploy\n' }, expect: [] },
  { name: 'a local_path kept out of git', toml: '[[files]]\nguest_path = "/certs/ca.pem"\nlocal_path = "certs/ca.pem"\n', files: { '.gitignore': 'node_modules\ncerts/ca.pem\n' }, expect: [] },
  { name: 'a local_path a CI workflow writes', toml: '[[files]]\nguest_path = "/a"\nlocal_path = "app.env"\n', files: { '.github/workflows/deploy.yml': 'run: echo "$ENV" > app.env && flyctl deploy\n' }, expect: [] },
  { name: 'a script that does not mention the local_path', toml: '[[files]]\nguest_path = "/a"\nlocal_path = "app.env"\n', files: { 'deploy.sh': 'fly deploy\n' }, expect: [{ at: '"app.env"' }] },
  { name: 'an absolute local_path is not judged', toml: '[[files]]\nguest_path = "/a"\nlocal_path = "/etc/hosts"\n', files: {}, expect: [] },
  { name: 'a secret_name file names no local file', toml: '[[files]]\nguest_path = "/a"\nsecret_name = "A"\n', files: {}, expect: [] },
  { name: 'no named files', toml: 'app = "x"\n', files: {}, expect: [] },
];

describe(RULE, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(RULE, c));

  it('is silent without a project view', () => {
    expect(findingsOf(RULE, cases[0]!, false)).toEqual([]);
  });

  it('is silent when the file cannot be read (a link leaving the project)', () => {
    const view = { configPath: 'fly.toml', kind: () => 'unreadable' as const, read: () => undefined, list: () => undefined };
    const findings = lintTextWith(view);
    expect(findings).toEqual([]);
  });
});

import { lintText } from '../../server/src/index.js';
import type { ProjectView } from '../../server/src/project/project-view.js';
function lintTextWith(view: ProjectView) {
  return lintText('[build]\ndockerfile = "D"\n', { filePath: '/repo/fly.toml', projectView: view }).filter((f) => f.ruleId === RULE);
}
