import type { Rule } from '../server/src/lint/rule.js';
import { tableRange } from './rule-helpers.js';

const STRATEGIES: Array<{ keys: string[]; name: string }> = [
  { keys: ['image'], name: 'an image' },
  { keys: ['builder', 'buildpacks'], name: 'buildpacks' },
  { keys: ['dockerfile', 'build-target', 'build_target'], name: 'a Dockerfile' },
  { keys: ['builtin'], name: 'a builtin builder' },
];

const rule: Rule = {
  meta: {
    id: 'multiple-build-sources',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'none',
    summary: '[build] names more than one way to build',
    why: 'Only one of `image`, buildpacks (`builder`/`buildpacks`), a Dockerfile (`dockerfile`/`build-target`) or `builtin` is used; flyctl warns when several are set, and which one wins is easy to get wrong.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-build-section',
    examples: { bad: 'app = "shop"\n\n[build]\nimage = "nginx"\ndockerfile = "Dockerfile"\n', good: 'app = "shop"\n\n[build]\ndockerfile = "Dockerfile"\n' },
  },
  check({ config, report }) {
    const build = config.build;
    if (!build) return;
    const used = STRATEGIES.filter((s) => s.keys.some((k) => build.entries.has(k)));
    if (used.length < 2) return;
    report({ message: `[build] names ${used.map((s) => s.name).join(' and ')}; only one is used. Keep the one you deploy with`, range: tableRange(build) });
  },
};
export default rule;
