import type { Rule } from '../server/src/lint/rule.js';
import { detectSecret } from '../server/src/lint/secrets.js';
import { removeLineFix } from '../server/src/edit/insert-key.js';
import { stringField } from '../server/src/fly/model.js';

/**
 * The comments that speak about an entry: the one at the end of its line, the comment lines
 * right above it, and, for a table's first entries, those right above the table's header.
 */
function noteAbout(text: string, start: number, end: number): string {
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  const notes = [/#(.*)$/.exec(rest)?.[1] ?? ''];
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1).trim();
    if (line.startsWith('#')) notes.push(line.slice(1));
    else if (!/^\[[^\]]*\]$/.test(line)) break;
    lineStart = prevStart;
  }
  return notes.join('\n');
}

const rule: Rule = {
  meta: {
    id: 'secret-in-env',
    category: 'production',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A secret written into fly.toml',
    why: '`[env]`, `[build.args]` and `[[files]] raw_value` are plain text in the repository and visible to anyone who can read it; build args are even baked into image layers. Runtime secrets belong in `fly secrets set`, which encrypts them and injects them as environment variables; a secret the build needs is a build secret (`fly deploy --build-secret NAME=…`, mounted with `RUN --mount=type=secret,id=NAME`), which no layer keeps. Keys that are public by design (publishable keys, `NEXT_PUBLIC_*`/`VITE_*` build variables, search-only keys, a Sentry DSN), placeholders and values marked as test or development ones are left alone; a random-looking value under a name that does not say secret is only an info.',
    flyDocs: 'https://fly.io/docs/apps/secrets/',
    examples: {
      bad: 'app = "shop"\n\n[env]\nSTRIPE_SECRET_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n',
      good: 'app = "shop"\n\n[env]\nSTRIPE_PUBLISHABLE_KEY = "pk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n',
    },
  },
  check({ config, settings, text, report }) {
    const places: Array<[typeof config.env, '[env]' | '[build.args]']> = [
      [config.env, '[env]'],
      [config.buildArgs, '[build.args]'],
    ];
    for (const [entries, where] of places) {
      for (const { name, key, value } of entries) {
        if (value.type !== 'string') continue;
        const line = value.node;
        const verdict = detectSecret(name, value.value, settings.secretPatterns, { where: where === '[build.args]' ? 'build' : 'env', note: noteAbout(text, key.start, line.end) });
        if (!verdict) continue;
        const build = where === '[build.args]';
        // Builds cannot see `fly secrets`: what a build needs goes in as a build secret.
        const instead = build
          ? `pass it as a build secret (\`fly deploy --build-secret ${name}=…\`, read with \`RUN --mount=type=secret,id=${name}\`)`
          : `run \`fly secrets set ${name}=…\``;
        const exposure = build ? ', and build args stay in the image' : '';
        report({
          // Never the value itself: messages end up in CI logs.
          message:
            verdict.severity === 'error'
              ? `${where} ${name} looks like a secret (${verdict.reason}); anyone who can read this file can read it${exposure}. Remove it here and ${instead}`
              : `${where} ${name} holds ${verdict.reason}; if it is a credential, anyone who can read this file can read it${exposure}: remove it here and ${instead}`,
          severity: verdict.severity,
          range: [key.start, line.end],
          suggestions: [{ desc: build ? `Remove ${name} (then pass it as a build secret)` : `Remove ${name} (then set it with fly secrets set)`, fix: removeLineFix(text, { start: key.start, end: line.end }) }],
        });
      }
    }
    for (const file of config.files) {
      const raw = stringField(file, 'raw_value');
      if (!raw) continue;
      const guest = stringField(file, 'guest_path')?.value ?? 'file';
      const verdict = detectSecret(guest, raw.value, settings.secretPatterns, { where: 'file', note: noteAbout(text, raw.key.start, raw.node.end) });
      if (verdict) report({ message: `[[files]] raw_value for ${guest} looks like a secret (${verdict.reason}). Use secret_name with \`fly secrets set\` instead`, severity: verdict.severity, range: [raw.key.start, raw.node.end] });
    }
  },
};
export default rule;
