import type { Rule } from '../server/src/lint/rule.js';
import { namedFiles, type NamedFile } from '../server/src/project/named-files.js';
import type { FileKind } from '../server/src/project/project-view.js';
import { mentionedByProject } from '../server/src/project/made-before-deploy.js';
import { folderOf } from '../server/src/project/paths.js';
import { valueRange } from './rule-helpers.js';

function describeMissing(named: NamedFile, kinds: FileKind[], atRoot: boolean): { message: string; severity?: 'warning' } {
  const value = JSON.stringify(named.field.value);
  const where = named.candidates[0]!;
  const what = kinds[0] === 'directory' ? `is a folder (${where}), not a file` : `does not exist (${where}, from the project root)`;
  switch (named.role) {
    case 'dockerfile':
      return { message: `[build] dockerfile ${value} ${what}: flyctl reads it relative to this config's folder and stops with "dockerfile '…' not found". Fix the path or add the file` };
    case 'ignorefile':
      if (kinds[0] === 'directory') return { message: `[build] ignorefile ${value} ${what}: flyctl reads it relative to this config's folder and stops with "error reading .dockerignore"` };
      return { severity: 'warning', message: `[build] ignorefile ${value} ${what}: flyctl reads it relative to this config's folder and, finding nothing, builds with no ignore rules (only fly.toml left out of the build context). Fix the path or add the file` };
    case 'local_path': {
      const places = atRoot ? `in the folder flyctl runs in (${where})` : `in this config's folder (${named.candidates[0]}) or at the project root (${named.candidates[1] ?? named.candidates[0]})`;
      return { message: `[[files]] local_path ${value} does not exist ${places}: flyctl reads it from the folder it runs in and the deploy stops with "could not read file". Fix the path or add the file` };
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'missing-build-file',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'a file the config names ([build] dockerfile, ignorefile, [[files]] local_path) does not exist',
    why: 'flyctl resolves `[build] dockerfile` and `ignorefile` relative to the config\'s folder and reads `[[files]] local_path` from the folder it runs in; a Dockerfile or local file that is not there stops the deploy, after a login and a build has started, and a missing ignorefile silently sends the whole folder to the builder. Needs the project\'s files: the CLI and the language server read them; the library is silent without a project view.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-build-section',
    examples: { bad: 'app = "shop"\n\n[build]\ndockerfile = "docker/Dockerfile.prod"\n', good: 'app = "shop"\n\n[build]\ndockerfile = "Dockerfile"\n', files: { Dockerfile: 'FROM nginx:1.27\n' } },
    flyctlSource: ['internal/command/deploy/deploy_build.go', 'internal/build/imgsrc/dockerfile_builder.go', 'helpers/fs.go', 'internal/build/imgsrc/archive.go', 'internal/appconfig/config.go'],
  },
  check({ config, projectView, report }) {
    if (!projectView) return;
    for (const named of namedFiles(config, projectView.configPath)) {
      if (!named.candidates.length) continue;
      const kinds = named.candidates.map((path) => projectView.kind(path));
      // Found somewhere flyctl may look, or not knowable (a link leaving the project, no permission).
      if (kinds.some((k) => k === 'file' || k === 'unreadable')) continue;
      // A local file a deploy script writes, or a secret kept out of git, is there when flyctl runs.
      if (named.role === 'local_path' && mentionedByProject(projectView, [folderOf(projectView.configPath), ''], named.field.value)) continue;
      const { message, severity } = describeMissing(named, kinds, named.candidates.length === 1);
      report({ message, range: valueRange(named.field), ...(severity ? { severity } : {}) });
    }
  },
};
export default rule;
