/**
 * The editor's view of the project: the fly configs under each workspace folder (fly*.toml, and
 * the files a `.flylint.toml` names in `include`), so isolation rules see the other configs, and
 * the `.flylint.toml` files that apply to a path. File access is
 * injected, so this runs in tests on an in-memory tree.
 */
import { includedBy, parseConfigFile, type ConfigError, type FlylintConfig } from '../config/config-file.js';
import type { TomlTable } from '../toml/values.js';
import type { FileKind } from '../project/project-view.js';

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

export interface FileAccess {
  /** Undefined when the folder cannot be read. */
  readDirectory(path: string): DirectoryEntry[] | undefined;
  /** Undefined when the file does not exist, cannot be read or is too large to be a config. */
  readFile(path: string): string | undefined;
  /** What is at a path (a link leaving the project is `unreadable`); derived from the two above when absent. */
  kind?(path: string): FileKind;
}

export interface ConfigProblem {
  filePath: string;
  errors: ConfigError[];
}

export const CONFIG_FILE = '.flylint.toml';
const FLY_CONFIG = /^fly.*\.toml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Deep enough for monorepos (`apps/api/deploy/fly.toml`), shallow enough to stay quick on a home folder. */
const MAX_DEPTH = 8;
const MAX_FILES = 500;

export function isFlyConfigPath(path: string): boolean {
  return FLY_CONFIG.test(baseName(path));
}

/**
 * Some editors (Helix, Sublime) attach a server to every TOML file: a `Cargo.toml` is left alone.
 * A fly config is named `fly*.toml`, is named by `include` in a `.flylint.toml` (`included`), or
 * (`fly deploy -c any.toml`) has a top-level `app` or `primary_region`; an unsaved document is
 * taken as one.
 */
export function isFlyConfigDocument(path: string | undefined, root: TomlTable, included = false): boolean {
  return !path || included || isFlyConfigPath(path) || root.entries.has('app') || root.entries.has('primary_region');
}

export function isConfigFilePath(path: string): boolean {
  return baseName(path) === CONFIG_FILE;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

function join(dir: string, name: string): string {
  if (dir.endsWith('/') || dir.endsWith('\\')) return dir + name;
  return `${dir}${dir.includes('\\') && !dir.includes('/') ? '\\' : '/'}${name}`;
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(join(folder, ''));
}

export class Workspace {
  private roots: string[] = [];
  /** Saved text of every fly*.toml found under the roots. */
  private readonly saved = new Map<string, string>();
  private readonly configs = new Map<string, FlylintConfig[]>();
  private readonly problems = new Map<string, ConfigError[]>();

  constructor(private readonly files: FileAccess, private readonly knownRules: readonly string[]) {}

  setRoots(roots: readonly string[]): void {
    this.roots = [...new Set(roots)];
    this.rescan();
  }

  get folders(): readonly string[] {
    return this.roots;
  }

  /** Reads every fly*.toml below the roots again (after files were created, changed or deleted). */
  rescan(): void {
    this.saved.clear();
    this.configs.clear();
    this.problems.clear();
    for (const root of this.roots) this.walk(root, 0);
  }

  private walk(dir: string, depth: number): void {
    if (depth > MAX_DEPTH || this.saved.size >= MAX_FILES) return;
    for (const entry of this.files.readDirectory(dir) ?? []) {
      const path = join(dir, entry.name);
      if (entry.isDirectory && !SKIPPED_FOLDERS.has(entry.name)) this.walk(path, depth + 1);
      else if (entry.isFile && this.isFlyConfig(path)) {
        const text = this.files.readFile(path);
        if (text !== undefined) this.saved.set(path, text);
      }
    }
  }

  /** The workspace folder a path belongs to (the innermost, when folders nest). */
  rootOf(path: string): string | undefined {
    return this.roots.filter((root) => isInside(path, root)).sort((a, b) => b.length - a.length)[0];
  }

  /** A fly*.toml, or a file a `.flylint.toml` that applies to it names in `include`. */
  isFlyConfig(path: string): boolean {
    return isFlyConfigPath(path) || includedBy(this.configsFor(path), path);
  }

  /** The other fly configs of the path's project (its workspace folder), as saved on disk. */
  projectFiles(path: string, open: readonly string[] = []): string[] {
    const root = this.rootOf(path);
    if (!root) return [];
    const all = new Set([...this.saved.keys(), ...open.filter((other) => this.isFlyConfig(other))]);
    return [...all].filter((other) => other !== path && this.rootOf(other) === root).sort();
  }

  savedText(path: string): string | undefined {
    return this.saved.get(path);
  }

  /** A fly config changed on disk or in an editor's save. */
  updateSaved(path: string, text: string | undefined): void {
    if (!this.rootOf(path) || !this.isFlyConfig(path)) return;
    if (text === undefined) this.saved.delete(path);
    else this.saved.set(path, text);
  }

  /** A `.flylint.toml` appeared, changed or went away: every cached lookup, and what `include` names, may be stale. */
  forgetConfigs(): void {
    this.rescan();
  }

  /** The `.flylint.toml` files that apply to a path, nearest first, up to one that says `root = true`. */
  configsFor(path: string): FlylintConfig[] {
    const folder = parentOf(path);
    const cached = this.configs.get(folder);
    if (cached) return cached;
    const found: FlylintConfig[] = [];
    let dir = folder;
    for (let i = 0; i < 64 && dir; i++) {
      const candidate = join(dir, CONFIG_FILE);
      const text = this.files.readFile(candidate);
      if (text !== undefined) {
        const parsed = parseConfigFile(text, candidate, this.knownRules);
        if (parsed.config) {
          this.problems.delete(candidate);
          found.push(parsed.config);
          if (parsed.config.root) break;
        } else {
          this.problems.set(candidate, parsed.errors);
        }
      }
      const parent = parentOf(dir);
      if (parent === dir) break;
      dir = parent;
    }
    this.configs.set(folder, found);
    return found;
  }

  /** Config files that could not be used, with their errors (for diagnostics on those files). */
  configProblems(): ConfigProblem[] {
    return [...this.problems].map(([filePath, errors]) => ({ filePath, errors }));
  }
}
