#!/usr/bin/env node
/**
 * Builds test/data/corpus/real-world-projects/ from git mirrors of the corpus repositories:
 * for every repository and commit of test/data/corpus/real-world/MANIFEST.tsv, the Dockerfiles
 * and ignore files its configs build with, and `tree.txt`: the entries of the repository root and
 * of every config's folder, every path a config names or flyctl looks for (existing ones only),
 * and every Dockerfile of the repository. Folders end in `/`. When a `[[files]] local_path` is
 * missing, the scripts of the config's folder, the root and `.github/workflows` are kept too.
 *
 *   node scripts/extract-project-files.mjs --mirror <folder holding OWNER+NAME/repo git dirs>
 *
 * Needs `npm run build` (reads dist/index.js).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, namedFiles, defaultDockerfileCandidates } from '../dist/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpus = join(root, 'test/data/corpus/real-world');
const out = join(root, 'test/data/corpus/real-world-projects');
const at = process.argv.indexOf('--mirror');
if (at < 0 || !process.argv[at + 1]) {
  console.error('usage: node scripts/extract-project-files.mjs --mirror <folder>');
  process.exit(2);
}
const mirror = process.argv[at + 1];
/** What the rules search for the name of a missing local_path (server/src/project/made-before-deploy.ts). */
const SCRIPT = /\.(sh|bash|zsh|ps1|mk|mjs|cjs|js|ts|py|rb|ya?ml)$|^(Makefile|GNUmakefile|[Jj]ustfile|Taskfile|Procfile|package\.json|\.gitignore|Earthfile)$/;
const DOCKERFILE = /(^|\/)([^/]*\.)?[Dd]ockerfile(\.[^/]*)?$|(^|\/)Containerfile$/;

const rows = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const byCommit = new Map();
for (const [file, repo, path, commit] of rows) {
  const key = `${repo}@${commit}`;
  const entry = byCommit.get(key) ?? { repo, commit, configs: [] };
  entry.configs.push({ file, path });
  byCommit.set(key, entry);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = ['folder\trepo\tcommit\tconfigs\tstored'];
const missing = [];
for (const { repo, commit, configs } of byCommit.values()) {
  const gitDir = join(mirror, repo.replace('/', '+'), 'repo');
  let listing;
  try {
    listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-t', '--full-tree', commit], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch {
    missing.push(`${repo}@${commit}`);
    continue;
  }
  const kinds = new Map();
  for (const line of listing.split('\n')) {
    const m = /^(\d+) (\w+) [0-9a-f]+\t(.*)$/.exec(line);
    if (m) kinds.set(m[3], m[2] === 'tree' ? 'directory' : m[2] === 'blob' ? 'file' : 'other');
  }
  const folder = `${repo.replace('/', '__')}@${commit.slice(0, 10)}`;
  const tree = new Set();
  const stored = new Set();
  const list = (dir) => {
    for (const [path, kind] of kinds) if (dirname(path) === (dir || '.') || (dir === '' && !path.includes('/'))) tree.add(kind === 'directory' ? `${path}/` : path);
  };
  list('');
  for (const { path } of configs) {
    const configFolder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    list(configFolder);
    const config = analyze(readFileSync(join(corpus, configs.find((c) => c.path === path).file), 'utf8'), `/${path}`).config;
    const asked = [...namedFiles(config, path).flatMap((n) => n.candidates.map((c) => [c, n.role])), ...defaultDockerfileCandidates(path).map((c) => [c, 'dockerfile'])];
    const missingLocal = namedFiles(config, path).some((n) => n.role === 'local_path' && n.candidates.length && n.candidates.every((c) => kinds.get(c) !== 'file'));
    if (missingLocal) {
      for (const dir of new Set([configFolder, '', '.github/workflows'])) {
        list(dir);
        for (const [p, kind] of kinds) if (kind === 'file' && (dir === '' ? !p.includes('/') : dirname(p) === dir) && SCRIPT.test(p.slice(p.lastIndexOf('/') + 1))) stored.add(p);
      }
    }
    for (const [p, role] of asked) {
      const kind = kinds.get(p);
      if (!kind) continue;
      tree.add(kind === 'directory' ? `${p}/` : p);
      if (kind === 'file' && role !== 'local_path') stored.add(p);
    }
  }
  for (const [path, kind] of kinds) if (kind === 'file' && DOCKERFILE.test(path) && !path.includes('node_modules/')) tree.add(path);
  for (const path of stored) {
    const target = join(out, folder, 'files', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 1 << 26 }));
  }
  mkdirSync(join(out, folder), { recursive: true });
  writeFileSync(join(out, folder, 'tree.txt'), [...tree].sort().join('\n') + '\n');
  manifest.push([folder, repo, commit, configs.map((c) => c.path).join(','), [...stored].sort().join(',')].join('\t'));
}
writeFileSync(join(out, 'MANIFEST.tsv'), manifest.join('\n') + '\n');
console.log(`${manifest.length - 1} repository commits written to ${out}`);
if (missing.length) console.log(`not found: ${missing.join(', ')}`);
