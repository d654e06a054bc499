/**
 * The language server's project view: open documents first (what the user sees, saved or not),
 * then the disk through the server's FileAccess (regular files inside the workspace folder only).
 * A view is made per lint, so what it caches never outlives a file event.
 */
import { join, relative, sep } from 'node:path';
import type { FileKind, ProjectView } from '../project/project-view.js';
import type { FileAccess } from './workspace.js';

export function editorProjectView(filePath: string, root: string, files: FileAccess, openText: (path: string) => string | undefined): ProjectView {
  const absolute = (path: string) => join(root, ...path.split('/'));
  const kinds = new Map<string, FileKind>();
  const kindOf = (full: string): FileKind => {
    if (openText(full) !== undefined) return 'file';
    if (files.kind) return files.kind(full);
    if (files.readFile(full) !== undefined) return 'file';
    return files.readDirectory(full) !== undefined ? 'directory' : 'missing';
  };
  return {
    configPath: relative(root, filePath).split(sep).join('/'),
    kind(path) {
      let kind = kinds.get(path);
      if (kind === undefined) kinds.set(path, (kind = kindOf(absolute(path))));
      return kind;
    },
    read(path) {
      const full = absolute(path);
      return openText(full) ?? files.readFile(full);
    },
    list(folder) {
      return files.readDirectory(absolute(folder))?.map((e) => e.name).sort();
    },
  };
}

/** The absolute path of a root-relative one, for links and file events. */
export function absoluteIn(root: string, path: string): string {
  return join(root, ...path.split('/'));
}
