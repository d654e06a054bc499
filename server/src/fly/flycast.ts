/**
 * Flycast routes: where a config names an app's private proxy address, `<app>.flycast`, and on
 * which port. A service reached that way goes through Fly Proxy without TLS (Flycast is
 * HTTP-only), so what holds for a public web service does not hold for it.
 */
import type { FlyConfig, Service } from './config-types.js';

export interface FlycastRoute {
  /** The app named, lower-cased. */
  app: string;
  /** The port the address is used with: written (`:8080`), else 443 after `https://`, else 80. */
  port: number;
  /** Where it is written, for messages: `[env] API_URL`. */
  where: string;
}

/** `<app>.flycast`, optionally after a scheme and followed by a port (`shop.flycast.example.com` is another host). */
const ADDRESS = /(?:\b(https?):\/\/)?(?<![a-z0-9.-])((?:[a-z0-9-]+\.)*?)([a-z0-9-]+)\.flycast(?![a-z0-9-]|\.[a-z0-9])(?::(\d{1,5}))?/gi;

/** The strings of a config that reach other apps: [env], build args, process commands, the release command. */
function addressStrings(config: FlyConfig): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const e of config.env) if (e.value.type === 'string') out.push({ where: `[env] ${e.name}`, text: String(e.value.value) });
  for (const e of config.buildArgs) if (e.value.type === 'string') out.push({ where: `[build.args] ${e.name}`, text: String(e.value.value) });
  for (const p of config.processes) if (p.command) out.push({ where: `[processes] ${p.name}`, text: p.command.value });
  if (config.releaseCommand) out.push({ where: 'release_command', text: config.releaseCommand.value });
  return out;
}

const routesCache = new WeakMap<FlyConfig, FlycastRoute[]>();

/** Every `<app>.flycast` address a config names. */
export function flycastRoutesIn(config: FlyConfig): FlycastRoute[] {
  const cached = routesCache.get(config);
  if (cached) return cached;
  const routes: FlycastRoute[] = [];
  for (const { where, text } of addressStrings(config)) {
    if (!/\.flycast/i.test(text)) continue;
    for (const m of text.matchAll(ADDRESS)) {
      const port = m[4] ? Number(m[4]) : m[1]?.toLowerCase() === 'https' ? 443 : 80;
      routes.push({ app: m[3]!.toLowerCase(), port, where });
    }
  }
  routesCache.set(config, routes);
  return routes;
}

/** A route to this app, and the file that names it (absent: this file). */
export interface FlycastUse extends FlycastRoute {
  filePath?: string;
}

/** The Flycast routes to `config`'s app named by the config itself or by the other configs of its project. */
export function flycastUsesOf(config: FlyConfig, project: ReadonlyArray<{ filePath: string; config: FlyConfig }>): FlycastUse[] {
  const own = flycastRoutesIn(config);
  const others = project.flatMap((member) => flycastRoutesIn(member.config).map((r) => ({ ...r, filePath: member.filePath })));
  // Most projects name no Flycast address: the app name (any length) is not even looked at then.
  if (!config.appName || (own.length === 0 && others.length === 0)) return [];
  const app = config.appName.toLowerCase();
  return [...own, ...others].filter((r) => r.app === app);
}

/** The public ports a service takes traffic on: 80 and 443 for [http_service], its `ports` otherwise. */
export function servicePorts(s: Service): number[] {
  if (s.kind === 'http_service') return [80, 443];
  const ports: number[] = [];
  for (const p of s.ports) {
    if (p.port) ports.push(p.port.value);
    else if (p.startPort && p.endPort && p.endPort.value >= p.startPort.value && p.endPort.value - p.startPort.value < 65536) {
      for (let n = p.startPort.value; n <= p.endPort.value; n++) ports.push(n);
    }
  }
  return ports;
}
