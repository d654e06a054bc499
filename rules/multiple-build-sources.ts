import type { Rule } from '../server/src/lint/rule.js';
import type { BuildSource } from '../server/src/fly/model.js';
import { keyRange } from './rule-helpers.js';

const STRATEGY_WORDS: Record<BuildSource['strategy'], string> = { image: 'a prebuilt image', buildpack: 'buildpacks', dockerfile: 'a Dockerfile', builtin: 'a builtin builder' };

const rule: Rule = {
  meta: {
    id: 'multiple-build-sources',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'none',
    summary: '[build] names more than one way to build',
    why: 'A deploy uses one of `image`, buildpacks (`builder`/`buildpacks`), a Dockerfile (`dockerfile`/`build-target`) or a `builtin` builder; flyctl warns "more than one build configuration found" when several are set, and the one that wins may not be the one you meant.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-build-section',
    examples: { bad: 'app = "shop"\n\n[build]\nimage = "nginx"\ndockerfile = "Dockerfile"\n', good: 'app = "shop"\n\n[build]\ndockerfile = "Dockerfile"\n' },
  },
  check({ config, report }) {
    const sources = config.build?.sources ?? [];
    if (sources.length < 2) return;
    const [first, second, ...rest] = sources as [BuildSource, BuildSource, ...BuildSource[]];
    const names = sources.map((s) => `${s.field.key.name} (${STRATEGY_WORDS[s.strategy]})`);
    report({
      message: `[build] names ${sources.length} ways to build: ${names.join(', ')}. flyctl uses only one; keep the one you deploy with and remove the others`,
      range: keyRange(second.field),
      related: [first, ...rest].map((s) => ({ message: `[build] ${s.field.key.name} is another way to build`, range: keyRange(s.field) })),
    });
  },
};
export default rule;
