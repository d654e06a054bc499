/**
 * Runs the real TOML tools users have in their editors over many configs at once, with a given
 * schema: Taplo (`@taplo/cli`, the engine of Even Better TOML) and Tombi (`tombi`). Each tool runs
 * once over a folder of copies (names made unique), offline, and its text output is read back
 * into the errors of each file.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

export type Tool = 'taplo' | 'tombi';

export interface ToolRun {
  /** The errors of each file, by the name given in `files`; a file without errors is absent. */
  errors: Map<string, string[]>;
  ms: number;
}

/** Folder-safe unique names: `extra/x/fly.toml` → `extra__x__fly.toml`. */
const flat = (name: string) => name.replace(/[\\/]/g, '__');

/**
 * Copies each schema's files (name → path) into its own subfolder (`s0/`, `s1/` …) of a fresh
 * folder, with a .taplo.toml and a tombi.toml giving each subfolder its schema. Returns the folder,
 * and for each relative path its schema's index and file name.
 */
function stage(groups: Map<string, string>[], schemas: string[]): { dir: string; names: Map<string, string>; groupOf: Map<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-tools-'));
  const names = new Map<string, string>();
  const groupOf = new Map<string, number>();
  groups.forEach((files, g) => {
    mkdirSync(join(dir, `s${g}`));
    for (const [name, path] of files) {
      const relative = `s${g}/${flat(name)}`;
      names.set(relative, name);
      groupOf.set(relative, g);
      copyFileSync(path, join(dir, relative));
    }
  });
  const taplo = schemas.map((schema, g) => `[[rule]]\ninclude = ["s${g}/*.toml"]\n\n[rule.schema]\nurl = ${JSON.stringify(pathToFileURL(schema).href)}\n`);
  writeFileSync(join(dir, '.taplo.toml'), taplo.join('\n'));
  const tombi = schemas.map((schema, g) => `[[schemas]]\npath = ${JSON.stringify(schema)}\ninclude = ["s${g}/*.toml"]\n`);
  writeFileSync(join(dir, 'tombi.toml'), tombi.join('\n'));
  return { dir, names, groupOf };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ out: string; ms: number; code: number | null }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', TOMBI_OFFLINE: '1', ...env } });
    const chunks: Buffer[] = [];
    const errChunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errChunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ out: `${Buffer.concat(chunks).toString('utf8')}\n${Buffer.concat(errChunks).toString('utf8')}`, ms: performance.now() - start, code }));
  });
}

function add(errors: Map<string, string[]>, name: string | undefined, message: string): void {
  if (name === undefined) return;
  errors.set(name, [...(errors.get(name) ?? []), message]);
}

/** The name of a file in a tool's output: the path as given (relative to `dir`) or absolute. */
function resolver(dir: string, names: Map<string, string>): (path: string) => string | undefined {
  const prefix = `${dir.split('\\').join('/')}/`;
  return (path) => {
    const p = path.split('\\').join('/');
    return names.get(p.startsWith(prefix) ? p.slice(prefix.length) : p);
  };
}

/**
 * Taplo prints `error: <message>` then `┌─ <path>:<line>:<col>` for each error, and one
 * `invalid file … path="<path>"` line per failing file (a syntax error included). Without a
 * schema given, each file's `#:schema` directive and the folder's .taplo.toml apply.
 */
async function taplo(dir: string, names: Map<string, string>): Promise<ToolRun> {
  const args = ['lint', '--colors', 'never', ...names.keys()];
  const { out, ms, code } = await run(bin('taplo'), args, dir);
  // 0: every file valid, 1: some not; anything else (a bad config, a crash) is no verdict.
  if (code !== 0 && code !== 1) throw new Error(`taplo failed (${code}):\n${out.slice(0, 2000)}`);
  const nameOf = resolver(dir, names);
  const errors = new Map<string, string[]>();
  let message = '';
  for (const line of out.split('\n')) {
    const error = /^error: (.*)$/.exec(line);
    if (error) message = error[1]!;
    const at = /┌─ (.+):(\d+):(\d+)\s*$/.exec(line);
    if (at && message) add(errors, nameOf(at[1]!), `${at[2]}:${at[3]} ${message}`);
    const invalid = /invalid file error=([^"]*?) path="([^"]+)"/.exec(line);
    if (invalid && !errors.has(nameOf(invalid[2]!) ?? '')) add(errors, nameOf(invalid[2]!), invalid[1]!.trim());
  }
  if (code === 1 && errors.size === 0) throw new Error(`taplo reported invalid files, none read back:\n${out.slice(0, 2000)}`);
  return { errors, ms };
}

/**
 * Tombi reads the schema association from tombi.toml in the working folder (or each file's
 * `#:schema` directive); with NO_COLOR it prints `Error: <message>` then `at <file>:<line>:<col>`.
 * Warnings (its strict mode, its style hints) are not errors.
 */
async function tombi(dir: string, names: Map<string, string>): Promise<ToolRun> {
  // Tombi lints files on several threads and each thread prints its own lines, so on a busy
  // machine one file's "Error:" line can land between another's header and its "at" line. One
  // thread keeps each report whole; a run whose read-back still misses files is run again.
  for (let attempt = 1; ; attempt++) {
    const result = await tombiOnce(dir, names);
    if (result.missing === 0 || attempt === 3) {
      if (result.missing > 0) throw new Error(`tombi: ${result.failed} files failed, ${result.errors.size} read back (${[...result.errors.keys()].join(', ')})`);
      return { errors: result.errors, ms: result.ms };
    }
  }
}

async function tombiOnce(dir: string, names: Map<string, string>): Promise<ToolRun & { failed: number; missing: number }> {
  const { out, ms, code } = await run(bin('tombi'), ['lint', '--offline', ...names.keys()], dir, { RAYON_NUM_THREADS: '1', TOKIO_WORKER_THREADS: '1' });
  if (code !== 0 && code !== 1) throw new Error(`tombi failed (${code}):\n${out.slice(0, 2000)}`);
  const nameOf = resolver(dir, names);
  const errors = new Map<string, string[]>();
  let message = '';
  let severity = '';
  for (const line of out.split('\n')) {
    const head = /^\s*(Error|Warning): (.*)$/.exec(line);
    if (head) {
      severity = head[1]!;
      message = head[2]!;
      continue;
    }
    const at = /^\s*at (.+):(\d+):(\d+)\s*$/.exec(line);
    if (at && severity === 'Error') add(errors, nameOf(at[1]!), `${at[2]}:${at[3]} ${message}`);
  }
  const summary = /(\d+) files? failed to be linted/.exec(out);
  if (!/linted successfully|failed to be linted/.test(out)) throw new Error(`tombi did not run:\n${out.slice(0, 2000)}`);
  // The summary counts failing files: the parse above must find each of them.
  const failed = summary ? Number(summary[1]) : 0;
  return { errors, ms, failed, missing: Math.max(0, failed - errors.size) };
}

/**
 * Runs a tool once over the same files (name → path) with each schema (a local path): one run,
 * since starting Taplo (35 MB of JavaScript) costs more than linting a few hundred files.
 */
export async function lintWith(tool: Tool, files: Map<string, string>, schemas: string[]): Promise<ToolRun[]> {
  const { dir, names, groupOf } = stage(schemas.map(() => files), schemas);
  try {
    // Read back by relative path (the same name is in every group), then split by schema.
    const byPath = new Map([...names.keys()].map((relative) => [relative, relative]));
    const { errors, ms } = await (tool === 'taplo' ? taplo(dir, byPath) : tombi(dir, byPath));
    return schemas.map((_, g) => ({
      errors: new Map([...errors].filter(([relative]) => groupOf.get(relative) === g).map(([relative, list]) => [names.get(relative)!, list])),
      ms,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a tool once over files of a folder (paths relative to it), as configured there (`#:schema`, .taplo.toml, tombi.toml). */
export function lintInPlace(tool: Tool, dir: string, files: string[]): Promise<ToolRun> {
  const names = new Map(files.map((f) => [f, f]));
  return tool === 'taplo' ? taplo(dir, names) : tombi(dir, names);
}
