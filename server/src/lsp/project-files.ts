/**
 * Which file events change what the project rules, links and hovers say: a file an open config
 * names (or a folder holding one), a Dockerfile flyctl would find for it, or a script, workflow or
 * `.gitignore` beside it or at the project root (they may make a `local_path`).
 */
import { dirname, join, relative, sep } from 'node:path';
import type { AnalyzedFile } from '../lint/engine.js';
import { namedFiles } from '../project/named-files.js';
import { defaultDockerfileCandidates } from '../project/built-image.js';

/** Watchers to register: files appearing or going away anywhere (kind 5 = Create | Delete), and Dockerfile edits. */
export const projectFilesWatched = [{ globPattern: '**/*', kind: 5 }, { globPattern: '**/*[Dd]ockerfile*' }, { globPattern: '**/.dockerignore' }];

export function isProjectFileEvent(path: string, configs: ReadonlyArray<{ path: string; root: string; file: AnalyzedFile }>): boolean {
  for (const config of configs) {
    const configPath = relative(config.root, config.path).split(sep).join('/');
    const candidates = [...namedFiles(config.file.config, configPath).flatMap((n) => n.candidates), ...defaultDockerfileCandidates(configPath)].map((c) => join(config.root, ...c.split('/')));
    if (candidates.some((c) => c === path || c.startsWith(path + sep))) return true;
    const folder = dirname(path);
    if (folder === dirname(config.path) || folder === config.root || folder === join(config.root, '.github', 'workflows')) return true;
  }
  return false;
}
