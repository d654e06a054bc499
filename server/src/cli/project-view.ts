/**
 * The CLI's project view: the files around a config, read from disk on demand and only inside the
 * project (the repository, or the folder of a `.flylint.toml` with `root = true`; the config's own
 * folder outside both). A link that leaves the project, a device or a pipe is `unreadable`, never read.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileKind, ProjectView } from '../project/project-view.js';
import { assertInsideProject } from '../files/confinement.js';
import { fileKind, isInsideProject } from '../files/file-kind.js';
import { MAX_CONFIG_BYTES, readRegularFile } from '../files/read-file.js';

export function diskProjectView(filePath: string, root: string): ProjectView {
  const kinds = new Map<string, FileKind>();
  const texts = new Map<string, string | undefined>();
  const absolute = (path: string) => join(root, ...path.split('/'));
  return {
    configPath: relative(root, filePath).split(sep).join('/'),
    kind(path) {
      let kind = kinds.get(path);
      if (kind === undefined) kinds.set(path, (kind = fileKind(absolute(path), root)));
      return kind;
    },
    read(path) {
      if (texts.has(path)) return texts.get(path);
      let text: string | undefined;
      try {
        const full = absolute(path);
        assertInsideProject(full, root);
        text = readRegularFile(full, MAX_CONFIG_BYTES).toString('utf8');
      } catch {
        text = undefined;
      }
      texts.set(path, text);
      return text;
    },
    list(folder) {
      const full = absolute(folder);
      if (!isInsideProject(full, root)) return undefined;
      try {
        return readdirSync(full).sort();
      } catch {
        return undefined;
      }
    },
  };
}
