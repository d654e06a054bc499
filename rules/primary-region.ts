import type { Rule } from '../server/src/lint/rule.js';
import { REGIONS, regionCity, regionSuccessor } from '../server/src/fly/regions.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { insertKeyFix, stringLiteral } from '../server/src/edit/insert-key.js';
import { pathFromFile } from '../server/src/lint/relative-path.js';
import type { RuleContext } from '../server/src/lint/rule.js';
import type { Suggestion } from '../server/src/lint/types.js';
import { appRange } from './production-helpers.js';
import { valueRange } from './rule-helpers.js';
import { isPlaceholder } from '../server/src/fly/placeholder.js';
import { replaceWith } from '../server/src/lint/fix-title.js';

/**
 * Regions the config itself or its project points to, for a config without primary_region: a
 * PRIMARY_REGION its [env] sets by hand, and the primary_region of the project's other configs.
 * Current region codes only, each once, at most three: where each came from is worked out for
 * those alone (a path per config of a large project is most of this rule's time).
 */
function regionHints(context: RuleContext): Array<{ code: string; from: string }> {
  const hints: Array<{ code: string; from: () => string }> = [];
  const add = (code: string, from: () => string) => {
    if (hints.length < 3 && regionCity(code) && !hints.some((h) => h.code === code)) hints.push({ code, from });
  };
  const env = context.config.env.filter((e) => e.name === 'PRIMARY_REGION').pop();
  if (env) add(env.text, () => 'as [env] PRIMARY_REGION says');
  for (let i = 0; i < context.project.length && hints.length < 3; i++) {
    const other = context.project[i]!;
    const code = other.config.primaryRegion?.value;
    if (code) add(code, () => `as in ${context.filePath ? pathFromFile(context.filePath, other.filePath) : other.filePath}`);
  }
  return hints.map((h) => ({ code: h.code, from: h.from() }));
}

const rule: Rule = {
  meta: {
    id: 'primary-region',
    category: 'production',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'primary_region retired or unknown (every config), or missing (production)',
    why: 'The primary region is where new Machines are created and where `min_machines_running` keeps Machines warm; it also sets `PRIMARY_REGION`. flyctl does not check it, but the platform refuses new Machines in a retired region ("Region yul is deprecated and cannot have new resources provisioned"): the first deploy, a new process group, a scale-up and every `release_command` (its temporary Machine starts in the primary region) fail, in staging as in production. An unknown code is reported as a warning in every config (the region list may be newer than flylint). A production config without one deploys wherever whoever runs `fly deploy` is closest; a missing one is suggested from a `PRIMARY_REGION` set in `[env]` or from the project\'s other configs. Placeholders of template configs (`$REGION`, `{{ .Region }}`) are left alone.',
    flyDocs: 'https://fly.io/docs/reference/regions/',
    examples: { bad: 'app = "shop"\nprimary_region = "sea"\n', good: 'app = "shop"\nprimary_region = "sjc"\n' },
  },
  check(context) {
    const region = context.config.primaryRegion;
    if (!region) {
      // Where Machines start is production advice; a staging app may go wherever its deployer is.
      if (!context.env.isProduction) return;
      const hints = regionHints(context);
      const suggestions: Suggestion[] = [];
      for (const { code, from } of hints) {
        const fix = insertKeyFix(context.doc, context.text, context.value, 'primary_region', stringLiteral(context.doc, code));
        if (fix) suggestions.push({ desc: `Set primary_region = "${code}" (${regionCity(code)}), ${from}`, fix });
      }
      const advice = hints.length ? `Set primary_region = "${hints[0]!.code}", ${hints[0]!.from}` : 'Set primary_region (e.g. "ams", "iad", "ord")';
      context.report({ severity: 'warning', message: `No primary_region: where new Machines start depends on who deploys. ${advice}`, range: appRange(context), ...(suggestions.length ? { suggestions } : {}) });
      return;
    }
    const code = region.value;
    if (regionCity(code) || isPlaceholder(code)) return;
    const replacement = regionSuccessor(code);
    if (replacement) {
      const release = context.config.releaseCommand ? ' (every deploy here: release_command starts one)' : '';
      context.report({
        message: `Region "${code}" is retired: the platform refuses new Machines there, so a deploy that creates one fails${release}. Its replacement is "${replacement}" (${regionCity(replacement)}): use primary_region = "${replacement}"`,
        range: valueRange(region),
        tags: ['deprecated'],
        suggestions: [replaceWith(context.text, valueRange(region), stringLiteral(context.doc, replacement))],
      });
      return;
    }
    const closest = didYouMean(code.toLowerCase(), Object.keys(REGIONS)) ?? (regionCity(code.toLowerCase()) ? code.toLowerCase() : undefined);
    context.report({
      severity: 'warning',
      message: `"${code}" is not a Fly.io region${closest ? `. Did you mean "${closest}" (${regionCity(closest)})?` : ' (`fly platform regions` lists the current ones)'}`,
      range: valueRange(region),
      ...(closest ? { suggestions: [replaceWith(context.text, valueRange(region), stringLiteral(context.doc, closest))] } : {}),
    });
  },
};
export default rule;
