/**
 * The files a config names and where flyctl looks for each (superfly/flyctl):
 * - `[build] dockerfile` and `[build] ignorefile`: joined to the config's folder
 *   (`resolveDockerfilePath`, `resolveIgnorefilePath` in internal/command/deploy/deploy_build.go);
 *   an `http(s)://` dockerfile is fetched, not read (internal/dockerfileurl).
 * - `[[files]] local_path`: read as written, from the folder flyctl runs in (`File.toMachineFile`
 *   in internal/appconfig/config.go: `os.ReadFile(f.LocalPath)`), which is the config's folder or,
 *   with `fly deploy -c sub/fly.toml`, usually the repository root.
 */
import type { FlyConfig } from '../fly/model.js';
import type { Field } from '../fly/fields.js';
import { folderOf, joinInRoot } from './paths.js';

export type NamedRole = 'dockerfile' | 'ignorefile' | 'local_path';

export interface NamedFile {
  role: NamedRole;
  field: Field<string>;
  /** Root-relative places flyctl may read it from; empty when it cannot be judged (a URL, outside the project, absolute `local_path`). */
  candidates: string[];
}

/** flyctl's LooksLikeURL: such a value is never a path. */
export function looksLikeUrl(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v.startsWith('http:') || v.startsWith('https:');
}

function configRelative(configPath: string, value: string): string[] {
  const path = joinInRoot(folderOf(configPath), value);
  return path === undefined ? [] : [path];
}

export function namedFiles(config: FlyConfig, configPath: string): NamedFile[] {
  const out: NamedFile[] = [];
  const dockerfile = config.build?.dockerfile;
  if (dockerfile && typeof dockerfile.value === 'string' && dockerfile.value !== '') {
    out.push({ role: 'dockerfile', field: dockerfile, candidates: looksLikeUrl(dockerfile.value) ? [] : configRelative(configPath, dockerfile.value) });
  }
  const ignorefile = config.build?.ignorefile;
  if (ignorefile && typeof ignorefile.value === 'string' && ignorefile.value !== '') {
    out.push({ role: 'ignorefile', field: ignorefile, candidates: configRelative(configPath, ignorefile.value) });
  }
  for (const file of config.guestFiles) {
    const local = file.localPath;
    if (!local || typeof local.value !== 'string' || local.value === '') continue;
    const candidates = local.value.startsWith('/') ? [] : [...new Set([joinInRoot(folderOf(configPath), local.value), joinInRoot('', local.value)].filter((p): p is string => p !== undefined))];
    out.push({ role: 'local_path', field: local, candidates });
  }
  return out;
}
