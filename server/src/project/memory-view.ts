/**
 * A project view over files held in memory (root-relative path → text): for the library's users,
 * the rule docs' examples and tests. Folders are the parents of the files it holds.
 */
import type { FileKind, ProjectView } from './project-view.js';

export function memoryProjectView(configPath: string, files: Readonly<Record<string, string>>): ProjectView {
  const folders = new Set<string>(['']);
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return {
    configPath,
    kind(path): FileKind {
      if (Object.hasOwn(files, path)) return 'file';
      return folders.has(path) ? 'directory' : 'missing';
    },
    read(path) {
      return Object.hasOwn(files, path) ? files[path] : undefined;
    },
    list(folder) {
      if (!folders.has(folder)) return undefined;
      const prefix = folder === '' ? '' : `${folder}/`;
      const names = new Set<string>();
      for (const path of [...Object.keys(files), ...folders]) {
        if (path !== '' && path.startsWith(prefix) && path.length > prefix.length) names.add(path.slice(prefix.length).split('/')[0]!);
      }
      return [...names].sort();
    },
  };
}
