/**
 * Signs that a file missing from the project is made before a deploy: a `[[files]] local_path`
 * is often a config a deploy script writes (`curl -o config.yaml …`) or a secret kept out of git.
 * The scripts, make files, CI workflows and `.gitignore` of the config's folder and of the root
 * are searched for the file's name; only when none mentions it is the file surely missing.
 */
import type { ProjectView } from './project-view.js';

const SCRIPT = /\.(sh|bash|zsh|ps1|mk|mjs|cjs|js|ts|py|rb|ya?ml)$|^(Makefile|GNUmakefile|[Jj]ustfile|Taskfile|Procfile|package\.json|\.gitignore|Earthfile)$/;

export function mentionedByProject(view: ProjectView, folders: readonly string[], fileName: string): boolean {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (base === '') return false;
  const places = [...new Set([...folders, '.github/workflows'])];
  for (const folder of places) {
    for (const name of view.list(folder) ?? []) {
      if (!SCRIPT.test(name)) continue;
      const path = folder === '' ? name : `${folder}/${name}`;
      if (view.read(path)?.includes(base)) return true;
    }
  }
  return false;
}
