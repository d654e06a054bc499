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

/** Copies the files (name → path) into a fresh folder; returns the folder and flat name → name. */
function stage(files: Map<string, string>): { dir: string; names: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-tools-'));
  mkdirSync(join(dir, 'files'));
  const names = new Map<string, string>();
  for (const [name, path] of files) {
    names.set(flat(name), name);
    copyFileSync(path, join(dir, 'files', flat(name)));
  }
  return { dir, names };
}

function run(command: string, args: string[], cwd: string): Promise<{ out: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', TOMBI_OFFLINE: '1', RUST_LOG: 'error' } });
    const chunks: Buffer[] = [];
    const errChunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errChunks.push(c));
    child.on('error', reject);
    child.on('close', () => resolve({ out: `${Buffer.concat(chunks).toString('utf8')}\n${Buffer.concat(errChunks).toString('utf8')}`, ms: performance.now() - start }));
  });
}

function add(errors: Map<string, string[]>, name: string | undefined, message: string): void {
  if (name === undefined) return;
  errors.set(name, [...(errors.get(name) ?? []), message]);
}

/**
 * Taplo prints `error: <message>` then `┌─ <path>:<line>:<col>` for each error, and one
 * `invalid file … path="<path>"` line per failing file (a syntax error included).
 */
async function taplo(dir: string, names: Map<string, string>, schema: string): Promise<ToolRun> {
  const args = ['lint', '--no-auto-config', '--colors', 'never', '--schema', pathToFileURL(schema).href, ...[...names.keys()].map((n) => join('files', n))];
  const { out, ms } = await run(bin('taplo'), args, dir);
  const errors = new Map<string, string[]>();
  const lines = out.split('\n');
  let message = '';
  for (const line of lines) {
    const error = /^error: (.*)$/.exec(line);
    if (error) message = error[1]!;
    const at = /┌─ (?:.*[\\/])?files[\\/]([^:]+):(\d+):(\d+)/.exec(line);
    if (at && message) add(errors, names.get(at[1]!), `${at[2]}:${at[3]} ${message}`);
    const invalid = /invalid file error=([^"]*?) path="(?:.*[\\/])?files[\\/]([^"]+)"/.exec(line);
    if (invalid && !errors.has(names.get(invalid[2]!) ?? '')) add(errors, names.get(invalid[2]!), invalid[1]!.trim());
  }
  if (!/found files total=/.test(out) && errors.size === 0) throw new Error(`taplo did not run:\n${out.slice(0, 2000)}`);
  return { errors, ms };
}

/**
 * Tombi reads the schema association from tombi.toml in the working folder; with NO_COLOR it
 * prints `Error: <message>` then `at <file>:<line>:<col>`. Warnings (strict mode) are not errors.
 */
async function tombi(dir: string, names: Map<string, string>, schema: string): Promise<ToolRun> {
  writeFileSync(join(dir, 'tombi.toml'), `[[schemas]]\npath = ${JSON.stringify(schema)}\ninclude = ["files/*.toml"]\n`);
  const { out, ms } = await run(bin('tombi'), ['lint', '--offline', ...[...names.keys()].map((n) => join('files', n))], dir);
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
    const at = /^\s*at (?:.*[\\/])?files[\\/]([^:]+):(\d+):(\d+)/.exec(line);
    if (at && severity === 'Error') add(errors, names.get(at[1]!), `${at[2]}:${at[3]} ${message}`);
  }
  const summary = /(\d+) files? failed to be linted/.exec(out);
  if (!/linted successfully|failed to be linted/.test(out)) throw new Error(`tombi did not run:\n${out.slice(0, 2000)}`);
  // The summary counts failing files: the parse above must have found each of them.
  if (summary && errors.size < Number(summary[1])) throw new Error(`tombi: ${summary[1]} files failed, ${errors.size} read back (${[...errors.keys()].join(', ')})`);
  return { errors, ms };
}

/** Runs a tool once over the files (name → path) with the schema (a local path). */
export async function lintWith(tool: Tool, files: Map<string, string>, schema: string): Promise<ToolRun> {
  const { dir, names } = stage(files);
  try {
    return await (tool === 'taplo' ? taplo(dir, names, schema) : tombi(dir, names, schema));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
