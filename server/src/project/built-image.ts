/**
 * The Dockerfile a deploy builds, found as flyctl finds it, and what the image it builds exposes,
 * sets and runs. flyctl builds from a Dockerfile when `[build]` names no `image`, `builder`,
 * `buildpacks` or `builtin`: the `[build] dockerfile` (joined to the config's folder), else
 * `Dockerfile` or `dockerfile` in the folder it runs in (`ResolveDockerfile` in
 * internal/build/imgsrc/docker.go) — the config's folder, or the repository root for
 * `fly deploy -c sub/fly.toml`.
 */
import type { FlyConfig } from '../fly/model.js';
import type { ProjectView } from './project-view.js';
import { folderOf, joinInRoot } from './paths.js';
import { looksLikeUrl } from './named-files.js';
import { parseDockerfile, stageChain, targetStage } from './dockerfile.js';

export interface BuiltDockerfile {
  /** Root-relative path. */
  path: string;
  text: string;
}

export interface ImageFacts {
  dockerfile: string;
  /** The distinct TCP ports the built stage (and those it is built FROM) exposes; undefined when one could not be resolved. */
  exposed: number[] | undefined;
  /** The image sets PORT with ENV. */
  envPort: boolean;
  /** CMD and ENTRYPOINT of the built stage. */
  commands: string[];
}

/** The build strategies other than a Dockerfile: with one, the image is not built from a Dockerfile here. */
export function buildsFromDockerfile(config: FlyConfig): boolean {
  const sources = config.build?.sources ?? [];
  if (sources.some((s) => s.strategy !== 'dockerfile')) return false;
  const named = config.build?.dockerfile?.value;
  return !(typeof named === 'string' && looksLikeUrl(named));
}

/** The places flyctl finds a Dockerfile for this config when `[build]` names none, nearest first. */
export function defaultDockerfileCandidates(configPath: string): string[] {
  const folders = [...new Set([folderOf(configPath), ''])];
  return folders.flatMap((folder) => ['Dockerfile', 'dockerfile'].map((name) => joinInRoot(folder, name)!));
}

export function builtDockerfile(config: FlyConfig, view: ProjectView): BuiltDockerfile | undefined {
  if (!buildsFromDockerfile(config)) return undefined;
  const named = config.build?.dockerfile?.value;
  const candidates = typeof named === 'string' && named !== '' ? [joinInRoot(folderOf(view.configPath), named)].filter((p): p is string => p !== undefined) : defaultDockerfileCandidates(view.configPath);
  for (const path of candidates) {
    if (view.kind(path) !== 'file') continue;
    const text = view.read(path);
    return text === undefined ? undefined : { path, text };
  }
  return undefined;
}

const memo = new WeakMap<ProjectView, WeakMap<FlyConfig, ImageFacts | null>>();

function portOf(token: string): number | undefined | 'skip' {
  const m = /^(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(token.trim());
  if (!m) return undefined;
  if (m[2] && m[2].toLowerCase() !== 'tcp') return 'skip';
  const port = Number(m[1]);
  return port > 0 && port < 65536 ? port : undefined;
}

/** What the image built for this config exposes and runs; undefined when it is not built from a Dockerfile the view shows. */
export function imageFacts(config: FlyConfig, view: ProjectView): ImageFacts | undefined {
  let byConfig = memo.get(view);
  if (!byConfig) memo.set(view, (byConfig = new WeakMap()));
  const known = byConfig.get(config);
  if (known !== undefined) return known ?? undefined;
  const facts = computeFacts(config, view);
  byConfig.set(config, facts ?? null);
  return facts;
}

function computeFacts(config: FlyConfig, view: ProjectView): ImageFacts | undefined {
  const built = builtDockerfile(config, view);
  if (!built) return undefined;
  const buildArgs = new Map(config.buildArgs.map((a) => [a.name, a.text]));
  const parsed = parseDockerfile(built.text, buildArgs);
  const target = config.build?.buildTarget?.value;
  const index = targetStage(parsed, typeof target === 'string' && target !== '' ? target : undefined);
  if (index === undefined) return undefined;
  const chain = stageChain(parsed, index);
  const ports = new Set<number>();
  let resolved = true;
  for (const stage of chain) {
    for (const token of stage.exposes) {
      const port = token === undefined ? undefined : portOf(token);
      if (port === 'skip') continue;
      if (port === undefined) resolved = false;
      else ports.add(port);
    }
  }
  const stage = chain[0]!;
  return {
    dockerfile: built.path,
    exposed: resolved ? [...ports].sort((a, b) => a - b) : undefined,
    envPort: stage.env.has('PORT'),
    commands: [stage.entrypoint, stage.cmd].filter((c): c is string => c !== undefined),
  };
}
