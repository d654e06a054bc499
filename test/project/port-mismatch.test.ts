import { describe, expect, it } from 'vitest';
import { expectCase, findingsOf, type ProjectCase } from './helpers.js';
import { listenEvidence } from '../../server/src/project/listen-ports.js';

const RULE = 'port-mismatch';
const HTTP = '[http_service]\ninternal_port = 8080\n';
const NODE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

const cases: ProjectCase[] = [
  { name: 'http_service on 8080, the Dockerfile exposes 3000', toml: HTTP, files: { Dockerfile: NODE }, expect: [{ at: '8080', message: /^internal_port = 8080, but the image built from Dockerfile exposes only port 3000 and nothing here sets the app's port: .*a PORT set as a Fly secret is invisible to a linter: put it in \[env\].*internal_port = 3000$/, severity: 'warning' }] },
  { name: 'a [[services]] with an http handler', toml: '[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n[[services.ports]]\nport = 80\nhandlers = ["http"]\n', files: { Dockerfile: NODE }, expect: [{ at: '8080' }] },
  { name: 'the ports agree', toml: '[http_service]\ninternal_port = 3000\n', files: { Dockerfile: NODE }, expect: [] },
  { name: '[env] PORT', toml: `${HTTP}[env]\nPORT = "8080"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'Dockerfile ENV PORT', toml: HTTP, files: { Dockerfile: 'FROM node\nENV PORT=3000\nEXPOSE 3000\nCMD node s.js\n' }, expect: [] },
  { name: 'ENV PORT in a stage the final one is built FROM', toml: HTTP, files: { Dockerfile: 'FROM node AS base\nENV PORT 8080\nFROM base\nEXPOSE 3000\n' }, expect: [] },
  { name: 'CMD --port naming internal_port', toml: HTTP, files: { Dockerfile: 'FROM python\nEXPOSE 8000\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8080"]\n' }, expect: [] },
  { name: 'CMD -p naming internal_port', toml: HTTP, files: { Dockerfile: 'FROM ruby\nEXPOSE 3000\nCMD bin/rails server -b 0.0.0.0 -p 8080\n' }, expect: [] },
  { name: 'CMD --bind host:port naming internal_port', toml: HTTP, files: { Dockerfile: 'FROM python\nEXPOSE 8000\nCMD gunicorn --bind 0.0.0.0:8080 app:app\n' }, expect: [] },
  { name: 'CMD with 0.0.0.0:port', toml: HTTP, files: { Dockerfile: 'FROM python\nEXPOSE 8000\nCMD python manage.py runserver 0.0.0.0:8080\n' }, expect: [] },
  { name: 'CMD setting PORT=', toml: HTTP, files: { Dockerfile: 'FROM node\nEXPOSE 3000\nCMD PORT=8080 node s.js\n' }, expect: [] },
  { name: 'a port taken from a variable', toml: HTTP, files: { Dockerfile: 'FROM python\nEXPOSE 8000\nCMD uvicorn app:app --port $APP_PORT\n' }, expect: [] },
  { name: 'ENTRYPOINT with a port flag', toml: HTTP, files: { Dockerfile: 'FROM x\nEXPOSE 3000\nENTRYPOINT ["/srv", "--http-port=8080"]\n' }, expect: [] },
  { name: 'the process command sets the port', toml: `${HTTP}[processes]\napp = "node s.js --port 8080"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: '[experimental] cmd sets the port', toml: `${HTTP}[experimental]\ncmd = ["serve", "-p", "8080"]\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'multi-stage: only the final stage and its ancestors count', toml: HTTP, files: { Dockerfile: 'FROM node AS build\nEXPOSE 5173\nRUN npm run build\nFROM nginx\nEXPOSE 80\n' }, expect: [{ at: '8080', message: /exposes only port 80 / }] },
  { name: 'multi-stage: EXPOSE inherited from the stage it is built FROM', toml: HTTP, files: { Dockerfile: 'FROM node AS base\nEXPOSE 3000\nFROM base\nCMD node s.js\n' }, expect: [{ at: '8080' }] },
  { name: 'multi-stage: the build target', toml: `${HTTP}[build]\nbuild-target = "web"\n`, files: { Dockerfile: 'FROM node AS web\nEXPOSE 8080\nFROM node AS worker\nEXPOSE 9000\n' }, expect: [] },
  { name: 'no EXPOSE in the final stage', toml: HTTP, files: { Dockerfile: 'FROM node AS build\nEXPOSE 3000\nFROM nginx\nCOPY --from=build /app /usr/share/nginx/html\n' }, expect: [] },
  { name: '$VAR in EXPOSE resolved from ARG', toml: HTTP, files: { Dockerfile: 'FROM node\nARG PORT=3000\nEXPOSE ${PORT}\n' }, expect: [{ at: '8080', message: /port 3000/ }] },
  { name: '$VAR in EXPOSE resolved from [build.args] to internal_port', toml: `${HTTP}[build.args]\nPORT = "8080"\n`, files: { Dockerfile: 'FROM node\nARG PORT=3000\nEXPOSE $PORT\n' }, expect: [] },
  { name: '$VAR in EXPOSE that cannot be resolved', toml: HTTP, files: { Dockerfile: 'FROM node\nARG PORT\nEXPOSE $PORT\n' }, expect: [] },
  { name: 'several exposed ports', toml: HTTP, files: { Dockerfile: 'FROM x\nEXPOSE 3000 9090\n' }, expect: [] },
  { name: 'several EXPOSE lines', toml: HTTP, files: { Dockerfile: 'FROM x\nEXPOSE 3000\nEXPOSE 9090\n' }, expect: [] },
  { name: '/tcp is stripped, /udp ports do not count', toml: HTTP, files: { Dockerfile: 'FROM x\nEXPOSE 3000/tcp 53/udp\n' }, expect: [{ at: '8080', message: /port 3000/ }] },
  { name: 'a port range', toml: HTTP, files: { Dockerfile: 'FROM x\nEXPOSE 3000-3005\n' }, expect: [] },
  { name: 'a TCP-only service', toml: '[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n[[services.ports]]\nport = 5000\n', files: { Dockerfile: NODE }, expect: [] },
  { name: 'a TCP service with the tls handler only', toml: '[[services]]\ninternal_port = 8080\n[[services.ports]]\nport = 443\nhandlers = ["tls"]\n', files: { Dockerfile: NODE }, expect: [] },
  { name: 'Fly Postgres (an image, pg_tls)', toml: '[build]\nimage = "flyio/postgres-flex:16"\n[[services]]\ninternal_port = 5432\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n', files: { Dockerfile: NODE }, expect: [] },
  { name: 'an image: no Dockerfile is built', toml: `${HTTP}[build]\nimage = "nginx"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'buildpacks', toml: `${HTTP}[build]\nbuilder = "paketobuildpacks/builder:base"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'a builtin', toml: `${HTTP}[build]\nbuiltin = "node"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'a named dockerfile relative to the config folder', config: 'deploy/fly.toml', toml: `${HTTP}[build]\ndockerfile = "../docker/Dockerfile.web"\n`, files: { 'docker/Dockerfile.web': NODE, Dockerfile: 'FROM x\nEXPOSE 8080\n' }, expect: [{ at: '8080', message: /built from docker\/Dockerfile\.web / }] },
  { name: 'a dockerfile URL is not read', toml: `${HTTP}[build]\ndockerfile = "https://example.com/Dockerfile"\n`, files: { Dockerfile: NODE }, expect: [] },
  { name: 'no Dockerfile beside a sub-folder config: the root one', config: 'fly/fly.toml', toml: HTTP, files: { Dockerfile: NODE }, expect: [{ at: '8080' }] },
  { name: 'the Dockerfile beside the config wins over the root one', config: 'web/fly.toml', toml: HTTP, files: { 'web/Dockerfile': 'FROM x\nEXPOSE 8080\n', Dockerfile: NODE }, expect: [] },
  { name: 'a lower-case dockerfile', toml: HTTP, files: { dockerfile: NODE }, expect: [{ at: '8080' }] },
  { name: 'no internal_port', toml: '[http_service]\nforce_https = true\n', files: { Dockerfile: NODE }, expect: [] },
  { name: 'no Dockerfile at all', toml: HTTP, files: {}, expect: [] },
];

describe(RULE, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(RULE, c));

  it('offers internal_port = <exposed> as a suggestion', () => {
    const [finding] = findingsOf(RULE, cases[0]!);
    expect(finding!.suggestions?.map((s) => [s.desc, s.fix.text])).toEqual([['Set internal_port = 3000', '3000']]);
  });

  it('is silent without a project view', () => {
    expect(findingsOf(RULE, cases[0]!, false)).toEqual([]);
  });
});

describe('listen evidence in a command', () => {
  it.each([
    ['node s.js --port 8080', [8080], false],
    ['node s.js --port=8080', [8080], false],
    ['serve -p 8080', [8080], false],
    ['serve -p8080', [8080], false],
    ['gunicorn -b 0.0.0.0:8080 app', [8080], false],
    ['gunicorn --bind=[::]:8080 app', [8080], false],
    ['caddy --listen :8080', [8080], false],
    ['sh -c "PORT=8080 node s.js"', [8080], false],
    ['app --server.port=8080', [8080], false],
    ['uvicorn a:b --port ${PORT}', [], true],
    ['mkdir -p /data && node s.js', [], false],
    ['export PATH=$PATH:$HOME/bin && run', [], false],
  ] as const)('%s', (command, ports, variable) => {
    expect(listenEvidence([command])).toEqual({ ports, variable });
  });
});

describe('port-mismatch by default', () => {
  it('is off unless configured (an app reading PORT from a Fly secret looks the same)', async () => {
    const { lintText } = await import('../../server/src/index.js');
    const { memoryProjectView } = await import('../../server/src/project/memory-view.js');
    const findings = lintText(HTTP, { filePath: '/repo/fly.toml', projectView: memoryProjectView('fly.toml', { Dockerfile: NODE }) });
    expect(findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('offers no port when a process command replaces the image CMD', () => {
    const [finding] = findingsOf(RULE, { toml: `${HTTP}[processes]\napp = "bun backend/server.ts"\n`, files: { Dockerfile: NODE } });
    expect(finding!.message).toMatch(/internal_port = 8080/);
    expect(finding!.suggestions).toBeUndefined();
  });
});
