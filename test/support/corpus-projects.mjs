/**
 * The real-world corpus laid out as its repositories had it: each file at its original path
 * (MANIFEST.tsv) under a folder per repository, and each repository linted as one project, as
 * `flylint <repo>` would lint a clone. Shared by the precision test and scripts/corpus-figures.mjs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../data/corpus/real-world/', import.meta.url));

/** Repositories with their configs: `root` is the repository's folder, `filePath` the original path under it. */
export function corpusProjects() {
  const rows = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const byRepo = new Map();
  for (const [file, repo, path] of rows) {
    const root = `/corpus/${repo}`;
    const entry = byRepo.get(repo) ?? { repo, root, files: [] };
    entry.files.push({ corpusName: file, filePath: `${root}/${path}`, text: readFileSync(join(corpusDir, file), 'utf8') });
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
      out.set(file.corpusName, { ...file, root: project.root, findings: lintText(file.text, { ...options, filePath: file.filePath, siblings, projectRoot: project.root }) });
    }
  }
  return out;
}
