/**
 * What flyctl makes of every corpus and fixture config (flyctl-verdicts.json, and for the fixtures
 * under extra/ the table of flyctl-fixtures/INDEX.md): accepted, or rejected and why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';
import { tomlFiles } from '../support/toml-files.js';

export interface Config {
  /** `corpus/<file>` or `fixtures/<path>`. */
  name: string;
  path: string;
  /** flyctl loads it, `fly config validate` passes and a deploy would not fail on it. */
  accepted: boolean;
  /** flyctl's message when it is rejected. */
  reason?: string;
}

interface Verdict {
  loads: boolean;
  load_error: string | null;
  valid: boolean | null;
  validate_messages: string[];
  deploy_errors?: string[];
}

function indexVerdicts(base: string): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  const index = join(base, 'INDEX.md');
  if (!existsSync(index)) return out;
  for (const line of readFileSync(index, 'utf8').split('\n')) {
    const row = /^\| `(extra\/[^`]+)`[^|]* \| ([^|]+) \| ([^|]+) \|/.exec(line);
    if (!row) continue;
    const loads = !row[2]!.includes('**no**');
    const error = /`([^`]+)`/g;
    const messages = [...row[3]!.matchAll(error)].map((m) => m[1]!);
    const deployFails = /deploy would fail/.test(row[3]!);
    out[row[1]!] = {
      loads,
      load_error: loads ? null : (messages[0] ?? row[3]!),
      valid: !row[3]!.includes('**invalid**'),
      validate_messages: row[3]!.includes('**invalid**') ? messages : [],
      deploy_errors: deployFails ? [messages.at(-1) ?? row[3]!] : [],
    };
  }
  return out;
}

export function flyctlConfigs(): Config[] {
  const out: Config[] = [];
  for (const [prefix, base] of [['corpus', corpusDir], ['fixtures', flyctlFixturesDir]] as const) {
    const verdicts = { ...indexVerdicts(base), ...(JSON.parse(readFileSync(join(base, 'flyctl-verdicts.json'), 'utf8')) as Record<string, Verdict>) };
    for (const path of tomlFiles(base)) {
      const file = relative(base, path).split('\\').join('/');
      const v = verdicts[file];
      if (!v) throw new Error(`no flyctl verdict for ${prefix}/${file}`);
      const reason = v.load_error ?? (v.valid === false ? v.validate_messages.join('; ') : undefined) ?? (v.deploy_errors?.length ? v.deploy_errors.join('; ') : undefined);
      out.push({ name: `${prefix}/${file}`, path, accepted: reason === undefined, ...(reason === undefined ? {} : { reason }) });
    }
  }
  return out;
}
