/**
 * The README's snippets for Taplo, Tombi and `#:schema`, run as written in a project with a valid
 * and an invalid fly config, with the schema's URL replaced by its local copy (no network here).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS_SCHEMA_PATH, TOOLS_SCHEMA_URL } from '../../scripts/tools-schema.mjs';
import { lintInPlace, type Tool, type ToolRun } from './run-tools.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DOC = readFileSync(join(root, 'README.md'), 'utf8');
const local = join(root, TOOLS_SCHEMA_PATH);

/** The first toml block after a phrase of the README's section on TOML tools. */
function block(after: string): string {
  const section = DOC.slice(DOC.indexOf('### Even Better TOML, Taplo and Tombi'));
  const start = section.indexOf(after);
  if (start < 0) throw new Error(`README.md has no "${after}" in its TOML tools section`);
  const match = /```toml\n([^]*?)```/.exec(section.slice(start));
  if (!match) throw new Error(`no toml block after "${after}"`);
  return match[1]!;
}

const VALID = 'app = "shop"\nkill_timeout = 5\nprocesses = []\n\n[deploy]\n  strategy = "canary"\n\n[vm]\n  memory = 512\n';
const INVALID = 'app = "shop"\n\n[deploy]\n  strategy = "sideways"\n';
const work = mkdtempSync(join(tmpdir(), 'flylint-readme-tools-'));
const runs = new Map<string, ToolRun>();

beforeAll(async () => {
  // Taplo's `url` takes a URL (file:), Tombi's `path` and a `#:schema` line a path.
  const offline = (text: string, to = local) => {
    expect(text).toContain(TOOLS_SCHEMA_URL);
    return text.split(TOOLS_SCHEMA_URL).join(to);
  };
  // One project per tool: its config, fly configs it must apply to, and files with the directive.
  const directive = offline(block('point them at it')).split('\n')[0]!;
  expect(directive.startsWith('#:schema ')).toBe(true);
  const files = {
    'app/fly.toml': VALID,
    'app/fly.staging.toml': INVALID,
    'app/fly-worker.toml': INVALID,
    'directive/valid.toml': `${directive}\n${VALID}`,
    'directive/invalid.toml': `${directive}\n${INVALID}`,
  };
  const projects: [Tool, Record<string, string>][] = [
    ['taplo', { '.taplo.toml': offline(block("Taplo's `.taplo.toml`"), pathToFileURL(local).href) }],
    ['tombi', { 'tombi.toml': offline(block("Tombi's `tombi.toml`")) }],
  ];
  const jobs = projects.map(async ([tool, config]) => {
    const dir = join(work, tool);
    for (const [path, text] of Object.entries({ ...config, ...files })) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    runs.set(tool, await lintInPlace(tool, dir, Object.keys(files)));
  });
  await Promise.all(jobs);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the README snippets for TOML tools', () => {
  it.each(['taplo', 'tombi'])('the %s config applies the schema to fly.toml, fly.*.toml and fly-*.toml', (tool) => {
    const run = runs.get(tool)!;
    expect(run.errors.get('app/fly.toml')).toBeUndefined();
    expect(run.errors.get('app/fly.staging.toml')?.join(' ')).toMatch(/sideways/);
    expect(run.errors.get('app/fly-worker.toml')?.join(' ')).toMatch(/sideways/);
  });

  it.each(['taplo', 'tombi'])('the #:schema line works in %s', (tool) => {
    const run = runs.get(tool)!;
    expect(run.errors.get('directive/valid.toml')).toBeUndefined();
    expect(run.errors.get('directive/invalid.toml')?.join(' ')).toMatch(/sideways/);
  });
});
