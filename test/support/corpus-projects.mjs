/**
 * The real-world corpus laid out as its repositories had it: each file at its original path
 * (MANIFEST.tsv) under a folder per repository, and each repository linted as one project, as
 * `flylint <repo>` would lint a clone. Shared by the precision test and scripts/corpus-figures.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../data/corpus/real-world/', import.meta.url));
/** The corpus repositories' Dockerfiles and tree listings at the corpus commits (see its MANIFEST.tsv). */
export const projectFilesDir = fileURLToPath(new URL('../data/corpus/real-world-projects/', import.meta.url));

let projectFolders;
/** `repo@commit` → the folder of its stored files. */
function projectFolderOf(repo, commit) {
  projectFolders ??= new Map(readFileSync(join(projectFilesDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const [folder, r, c] = line.split('\t');
    return [`${r}@${c}`, folder];
  }));
  return projectFolders.get(`${repo}@${commit}`);
}

/**
 * A project view (server/src/project/project-view.ts) of a corpus repository at a commit: `tree.txt`
 * lists what exists (folders end in `/`), `files/` holds the Dockerfiles and ignore files.
 */
export function corpusProjectView(repo, commit, configPath) {
  const folder = projectFolderOf(repo, commit);
  if (!folder) return undefined;
  const tree = new Set(readFileSync(join(projectFilesDir, folder, 'tree.txt'), 'utf8').split('\n').filter(Boolean));
  return {
    configPath,
    kind(path) {
      if (tree.has(path)) return 'file';
      return tree.has(`${path}/`) || path === '' ? 'directory' : 'missing';
    },
    list(dir) {
      const prefix = dir === '' ? '' : `${dir}/`;
      if (dir !== '' && !tree.has(prefix)) return undefined;
      return [...tree].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).replace(/\/$/, '').includes('/')).map((p) => p.slice(prefix.length).replace(/\/$/, '')).filter(Boolean).sort();
    },
    read(path) {
      if (!tree.has(path)) return undefined;
      try {
        return readFileSync(join(projectFilesDir, folder, 'files', path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** Repositories with their configs: `root` is the repository's folder, `filePath` the original path under it. */
export function corpusProjects() {
  const rows = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const byRepo = new Map();
  for (const [file, repo, path, commit] of rows) {
    const root = `/corpus/${repo}`;
    const entry = byRepo.get(repo) ?? { repo, root, files: [] };
    entry.files.push({ corpusName: file, filePath: `${root}/${path}`, path, commit, text: readFileSync(join(corpusDir, file), 'utf8') });
    byRepo.set(repo, entry);
  }
  return [...byRepo.values()];
}

/**
 * Default findings of every corpus config, keyed by corpus file name. `lintText` is the package's
 * (dist/index.js) or the source's; each file sees the other configs of its repository as siblings.
 */
export function lintCorpus(lintText, options = {}) {
  const out = new Map();
  for (const project of corpusProjects()) {
    const siblings = project.files.map(({ filePath, text }) => ({ filePath, text }));
    for (const file of project.files) {
      const projectView = options.withoutFiles ? undefined : corpusProjectView(project.repo, file.commit, file.path);
      const { withoutFiles: _, ...lintOptions } = options;
      out.set(file.corpusName, { ...file, root: project.root, findings: lintText(file.text, { ...lintOptions, filePath: file.filePath, siblings, projectRoot: project.root, ...(projectView ? { projectView } : {}) }) });
    }
  }
  return out;
}
