import type { Rule } from '../server/src/lint/rule.js';
import type { FlyConfig } from '../server/src/fly/model.js';
import { defaultDockerfileCandidates } from '../server/src/project/built-image.js';
import { keyRange, tableRange } from './rule-helpers.js';

/**
 * A Fly Postgres app (`fly postgres create`): its image comes from flyctl, never from a build. It
 * shows as `pg_tls` services on 5432/5433, or as the health checks its image serves (`/flycheck/…`).
 */
function isFlyPostgres(config: FlyConfig): boolean {
  const pgService = config.services.some((s) => s.ports.some((p) => p.handlers.includes('pg_tls')) || (s.internalPort !== undefined && (s.internalPort.value === 5432 || s.internalPort.value === 5433)));
  const flycheck = [...config.checks, ...config.services.flatMap((s) => s.checks)].some((c) => typeof c.path?.value === 'string' && c.path.value.startsWith('/flycheck/'));
  return pgService || flycheck;
}

const rule: Rule = {
  meta: {
    id: 'no-build-source',
    category: 'schema',
    severity: 'info',
    optIn: true,
    env: 'any',
    fix: 'none',
    summary: 'nothing to build or deploy: no [build] source and no Dockerfile beside the config or at the project root',
    why: 'With no `image`, `builder`, `buildpacks`, `builtin` or `dockerfile` under `[build]`, flyctl builds the `Dockerfile` of the folder it runs in (`ResolveDockerfile`), and fails with "app does not have a Dockerfile or buildpacks configured" when there is none. CI often passes `--image` or `--dockerfile` instead (5 of the 6 findings on the real-world corpus), so this is advice, off by default. Fly Postgres apps (`pg_tls` services on 5432/5433, `/flycheck/` checks) are never reported: flyctl supplies their image.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-build-section',
    examples: { bad: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\n', good: 'app = "shop"\n\n[build]\nimage = "ghcr.io/acme/shop:latest"\n\n[http_service]\ninternal_port = 8080\n', files: { 'README.md': '# shop\n' } },
    flyctlSource: ['internal/build/imgsrc/docker.go', 'internal/build/imgsrc/resolver.go', 'internal/appconfig/config.go'],
  },
  check({ config, projectView, report }) {
    if (!projectView) return;
    const build = config.build;
    if (build && (build.sources.some((s) => s.strategy !== 'dockerfile') || (typeof build.dockerfile?.value === 'string' && build.dockerfile.value !== ''))) return;
    if (isFlyPostgres(config)) return;
    const kinds = defaultDockerfileCandidates(projectView.configPath).map((path) => projectView.kind(path));
    if (kinds.some((k) => k === 'file' || k === 'unreadable')) return;
    const atRoot = !projectView.configPath.includes('/');
    const where = atRoot ? 'in this config\'s folder (the project root)' : 'beside this config or at the project root';
    report({
      message: `No Dockerfile ${where}, and [build] names no image, builder or dockerfile: a deploy will need one of them — a Dockerfile in the folder flyctl runs in, [build] image or dockerfile, or --image / --dockerfile on the command line`,
      range: build ? tableRange(build.table) : config.app ? keyRange(config.app) : [0, 0],
    });
  },
};
export default rule;
