/** A rule's documentation, generated from its metadata: `--explain`, `docs/rules/*.md`, hover links. */
import { defaultLevel, type RuleMeta } from './rule.js';
import { ruleDocsUrl } from '../rule-docs.js';

const FIX_TEXT = {
  safe: 'Safe fix: keeps what flyctl deploys identical; applied by `flylint --fix` and "Fix all" in editors.',
  suggestion: 'Suggestion: changes what gets deployed, so it is offered as a quick-fix in editors and applied by the CLI only with `--unsafe-fixes`.',
  none: 'No automatic fix.',
} as const;

const ENV_TEXT = {
  any: 'every config',
  production: 'production configs only',
  project: 'the configs of one project, compared with each other',
} as const;

export function renderRuleDocs(meta: RuleMeta): string {
  const file = meta.examples.fileName ?? 'fly.toml';
  return `# ${meta.id}

${meta.summary}.

- Severity: ${meta.optIn ? `off by default; turn it on with \`${meta.id} = "${meta.severity}"\` under \`[rules]\` in \`.flylint.toml\` (or \`--rule ${meta.id}=${meta.severity}\`)` : meta.severity}
- Applies to: ${ENV_TEXT[meta.env]}
- Category: ${meta.category}
- ${FIX_TEXT[meta.fix]}

## Why

${meta.why}

Fly.io docs: ${meta.flyDocs}
${meta.flyctlSource?.length ? `\nflyctl source (superfly/flyctl): ${meta.flyctlSource.map((p) => `\`${p}\``).join(', ')}\n` : ''}${projectFiles(meta)}
## Bad (\`${file}\`)

\`\`\`toml
${meta.examples.bad.replace(/\n$/, '')}
\`\`\`

## Good

\`\`\`toml
${meta.examples.good.replace(/\n$/, '')}
\`\`\`

Disable it for one line with \`# flylint-disable-next-line ${meta.id} -- reason\`, or everywhere in
\`.flylint.toml\`: \`[rules]\` \`${meta.id} = "off"\`.
`;
}

/** The files around the examples, for rules that read them. */
function projectFiles(meta: RuleMeta): string {
  const files = Object.entries(meta.examples.files ?? {});
  if (!files.length) return '';
  const shown = files.map(([path, text]) => `\`${path}\`:\n\n\`\`\`${/dockerfile/i.test(path) ? 'dockerfile' : 'text'}\n${text.replace(/\n$/, '')}\n\`\`\``).join('\n\n');
  return `\n## Project files (beside \`${meta.examples.fileName ?? 'fly.toml'}\` in both examples)\n\n${shown}\n`;
}

export function renderRuleList(rules: readonly RuleMeta[]): string {
  const rows = rules.map((m) => [m.id, defaultLevel(m), m.env, m.fix, m.summary]);
  const header = ['rule', 'severity', 'env', 'fix', 'summary'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + `\n\nDocs: ${ruleDocsUrl('<rule>')} or flylint --explain <rule>\n`;
}

/** Every docs page by file name: one per rule and an index. */
export function rulePages(rules: readonly RuleMeta[]): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const meta of rules) pages[`${meta.id}.md`] = renderRuleDocs(meta);
  const rows = rules.map((m) => `| [\`${m.id}\`](${m.id}.md) | ${defaultLevel(m)} | ${m.env} | ${m.fix} | ${m.summary} |`);
  pages['README.md'] = `# flylint rules\n\nGenerated from the rules' metadata by \`npm run docs\`.\n\n| rule | severity | applies to | fix | what |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
  return pages;
}
