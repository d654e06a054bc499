import type { Rule } from '../server/src/lint/rule.js';
import { processLists } from '../server/src/fly/process-names.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';

/**
 * "Did you mean" measures a name against every group. A config has a few groups and fewer typos;
 * one with thousands of each would cost millions of edit distances, so past this many candidates
 * compared in a file the names still unanswered get the plain message instead.
 */
const SUGGESTION_BUDGET = 50_000;
/** Groups named in a message: a message per unknown name must not repeat thousands of them. */
const MAX_LISTED = 20;

const rule: Rule = {
  meta: {
    id: 'unknown-process',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A processes list names a group [processes] does not define',
    why: 'Services and restart policies that name an undefined process group make flyctl reject the config. Mounts, Machine sizes, metrics, files and checks that name one are accepted but silently apply to nothing — a typo there leaves a group without its volume or its size.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-processes-section',
    examples: {
      bad: 'app = "shop"\n\n[processes]\nweb = "bin/web"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["app"]\n',
      good: 'app = "shop"\n\n[processes]\nweb = "bin/web"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["web"]\n',
    },
  },
  check({ config, report }) {
    const names = config.processNames;
    const known = new Set(names);
    const listed = names.slice(0, MAX_LISTED).map((n) => `"${n}"`).join(', ') + (names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '');
    const defined = config.processes.length ? `[processes] defines ${listed}` : 'there is no [processes] section, so the only group is "app"';
    // One answer per name, so a name written twice gets the same message.
    const answers = new Map<string, string | undefined>();
    let budget = SUGGESTION_BUDGET;
    const closestTo = (name: string) => {
      if (answers.has(name)) return answers.get(name);
      if (budget < names.length) return undefined;
      budget -= names.length;
      const closest = didYouMean(name, names);
      answers.set(name, closest);
      return closest;
    };
    for (const { list, where, fatal } of processLists(config)) {
      if (list.node.kind !== 'array') continue;
      for (const item of list.node.items) {
        if (item.kind !== 'string' || known.has(item.value)) continue;
        const closest = closestTo(item.value);
        const consequence = fatal ? 'flyctl rejects the config' : 'flyctl accepts this, and the section applies to no Machine';
        report({
          message: `${where} names the process group "${item.value}", but ${defined}: ${consequence}. ${closest ? `Did you mean "${closest}"?` : `Name one of the defined groups`}`,
          range: [item.start, item.end],
          ...(fatal ? {} : { severity: 'warning' as const }),
        });
      }
    }
  },
};
export default rule;
