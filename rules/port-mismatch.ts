import type { Rule } from '../server/src/lint/rule.js';
import type { FlyConfig, Service } from '../server/src/fly/model.js';
import { imageFacts } from '../server/src/project/built-image.js';
import { listenEvidence } from '../server/src/project/listen-ports.js';
import { valueRange } from './rule-helpers.js';

/** The commands the service's Machines run, as far as fly.toml says: their process groups' and `[experimental] cmd`. */
function configCommands(config: FlyConfig, service: Service): string[] {
  const groups = service.processes?.value.length ? service.processes.value : [config.defaultProcess];
  const commands = config.processes.filter((p) => groups.includes(p.name)).flatMap((p) => (p.command ? [p.command.value] : []));
  const cmd = config.experimental?.cmd?.value;
  if (cmd?.length) commands.push(cmd.join(' '));
  const entrypoint = config.experimental?.entrypoint?.value;
  if (entrypoint?.length) commands.push(entrypoint.join(' '));
  return commands;
}

function servesHttp(service: Service): boolean {
  return service.kind === 'http_service' || service.ports.some((p) => p.handlers.includes('http'));
}

const rule: Rule = {
  meta: {
    id: 'port-mismatch',
    category: 'schema',
    severity: 'warning',
    optIn: true,
    env: 'any',
    fix: 'suggestion',
    summary: 'internal_port is not the one port the Dockerfile exposes, and nothing sets the app\'s port',
    why: 'Fly\'s proxy sends a service\'s requests to `internal_port`; an app that listens on the port its Dockerfile exposes instead gets none, and the deploy fails its checks or every request ends in "instance refused connection". Reported only when the image is built from a Dockerfile found as flyctl finds it, its built stage exposes exactly one TCP port, and nothing shows the app on `internal_port`: no `PORT` in `[env]` or the Dockerfile\'s `ENV`, no port flag (`--port`, `-p`, `--bind`, `0.0.0.0:N`, `PORT=N`) in the process command, `[experimental] cmd`, `CMD` or `ENTRYPOINT`. A `PORT` set as a Fly secret is invisible to a linter: put it in `[env]`. Off by default: on the real-world corpus (each config with its repository\'s Dockerfile) it fired twice and was right once; the other app read `PORT` from a secret.',
    flyDocs: 'https://fly.io/docs/networking/app-services/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 3000\n',
      files: { Dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n' },
    },
    flyctlSource: ['internal/command/deploy/deploy_build.go', 'internal/build/imgsrc/docker.go', 'internal/appconfig/config.go'],
  },
  check({ config, projectView, report }) {
    if (!projectView) return;
    const services = config.services.filter((s) => servesHttp(s) && typeof s.internalPort?.value === 'number');
    if (!services.length) return;
    if (config.env.some((e) => e.name === 'PORT')) return;
    const image = imageFacts(config, projectView);
    if (!image || image.envPort || image.exposed?.length !== 1) return;
    const exposed = image.exposed[0]!;
    for (const service of services) {
      const field = service.internalPort!;
      const internal = field.value;
      if (internal === exposed) continue;
      const overrides = configCommands(config, service);
      const evidence = listenEvidence([...overrides, ...image.commands]);
      if (evidence.variable || evidence.ports.includes(internal)) continue;
      report({
        message: `internal_port = ${internal}, but the image built from ${image.dockerfile} exposes only port ${exposed} and nothing here sets the app's port: Fly's proxy sends requests to ${internal}. Make the app listen on ${internal} (a PORT set as a Fly secret is invisible to a linter: put it in [env]), or set internal_port = ${exposed}`,
        range: valueRange(field),
        // Another command than the image's may listen elsewhere than EXPOSE says: then no port is offered.
        ...(field.node.kind === 'integer' && !overrides.length ? { suggestions: [{ desc: `Set internal_port = ${exposed}`, fix: { range: valueRange(field), text: String(exposed) } }] } : {}),
      });
    }
  },
};
export default rule;
