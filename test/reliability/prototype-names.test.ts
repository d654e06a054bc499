/**
 * Names every JavaScript object inherits (`constructor`, `__proto__`, `toString` …), written
 * wherever a user's word ends up as a lookup key: string values (regions, sizes, CPU kinds),
 * duration units, keys, file names, `# flylint-env:` comments, --env. A lookup must never find
 * the inherited property: that crashed runs ("5constructor" as a duration) and hid findings
 * (`primary_region = "constructor"` passed as a region).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, LintOptions } from '../../server/src/index.js';
import { bin } from '../cli/run-cli.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

// The built bundle, as hostile.test.ts explains: thousands of lints run here.
const api = (await import(join(process.cwd(), 'dist', 'index.js'))) as typeof import('../../server/src/index.js');

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'];

const configs = [corpusDir, flyctlFixturesDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
);

/** Every one-line basic string's content replaced. */
const withStrings = (text: string, content: string) => text.replace(/"(?:[^"\\\r\n]|\\.)*"/g, `"${content}"`);

/** `NAME = "NAME"` at the top and in every table. */
const withKeys = (text: string, name: string) => `${name} = "${name}"\n${text.replace(/^(\s*\[[^\]\r\n]+\]+)[ \t]*$/gm, `$1\n${name} = "${name}"`)}`;

function crashes(text: string, options: LintOptions): Finding[] {
  return api.lintText(text, options).filter((f) => f.ruleId === 'internal-error');
}

describe('inherited property names as user input', () => {
  it('corpus and flyctl configs with such names as string values, duration units, keys and environments lint without an internal error', () => {
    expect(configs.length).toBeGreaterThan(300);
    const failures: string[] = [];
    let linted = 0;
    for (const { name: file, text } of configs) {
      for (const name of NAMES) {
        const variants: Array<[string, string, LintOptions]> = [
          ['string values', withStrings(text, name), { filePath: `/project/fly.${name}.toml` }],
          ['duration units', `# flylint-env: ${name}\n${withStrings(text, `5${name}`)}`, { filePath: `/project/${name}/fly.toml` }],
          ['keys', withKeys(text, name), { filePath: '/project/fly.toml', env: name }],
        ];
        for (const [what, variant, options] of variants) {
          linted++;
          try {
            const found = crashes(variant, options);
            if (found.length) failures.push(`${file}, ${name} as ${what}: ${found[0]!.message}`);
          } catch (error) {
            failures.push(`${file}, ${name} as ${what}: threw ${(error as Error).message}`);
          }
        }
      }
    }
    expect(linted).toBe(configs.length * NAMES.length * 3);
    expect(failures).toEqual([]);
  });

  it.each(NAMES)('"%s" is read as the word it is: no region, no duration unit, no environment alias', (name) => {
    const production = { filePath: '/project/fly.toml', env: 'production' };
    const region = api.lintText(`app = "shop"\nprimary_region = "${name}"\n`, production);
    expect(region.find((f) => f.ruleId === 'primary-region')?.message).toMatch(new RegExp(`^"${name}" is not a Fly.io region`));

    const duration = api.lintText(`app = "shop"\nkill_timeout = "5${name}"\n`, production);
    expect(duration.find((f) => f.ruleId === 'invalid-value')?.message).toContain(`unknown unit "${name}"`);

    const size = api.lintText(`app = "shop"\n[[vm]]\n  size = "${name}"\n`, production);
    expect(size.find((f) => f.ruleId === 'vm-sizing')?.message).toContain(`size = "${name}" is not a Machine size`);

    expect(api.resolveEnvironment({ filePath: `/project/fly.${name}.toml` })).toMatchObject({ name: 'production', source: 'default' });
    expect(api.resolveEnvironment({ comments: [` flylint-env: ${name}`] })).toMatchObject({ name: name.toLowerCase(), isProduction: false, source: 'comment' });
    expect(api.resolveEnvironment({ explicit: { name, reason: `--env ${name}` } })).toMatchObject({ name: name.toLowerCase(), isProduction: false });
  });

  it('the CLI lints fly.__proto__.toml and fly.constructor.toml under --env toString without an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flylint-proto-'));
    try {
      writeFileSync(join(dir, 'fly.__proto__.toml'), 'app = "shop"\nkill_timeout = "5constructor"\n');
      writeFileSync(join(dir, 'fly.constructor.toml'), 'app = "shop-toString"\nprimary_region = "__proto__"\n');
      for (const args of [['.'], ['--env', 'toString', '.']]) {
        const run = spawnSync(process.execPath, [bin, '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const reports = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
        expect(reports).toHaveLength(2);
        const messages = reports.flatMap((r) => r.messages);
        expect(messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
        expect(messages.some((m) => m.ruleId === 'invalid-value' && m.message.includes('unknown unit "constructor"'))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
