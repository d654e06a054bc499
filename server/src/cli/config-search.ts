/** Finds the `.flylint.toml` files that apply to a path: upward from its folder, stopping at `root = true`. */
import { existsSync } from 'node:fs';
import { readRegularFile } from './read-file.js';
import { MAX_CONFIG_BYTES } from '../files/read-file.js';
import { assertInsideProject, projectOf } from '../files/confinement.js';
import { dirname, join, resolve } from 'node:path';
import { includedBy, parseConfigFile, type ConfigError, type FlylintConfig } from '../config/config-file.js';

export class ConfigFileError extends Error {
  constructor(readonly filePath: string, readonly errors: ConfigError[]) {
    super(errors.map((e) => `${filePath}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

/** A config file that exists in the search (or was named by --config) but cannot be read. */
export class ConfigReadError extends Error {
  constructor(readonly filePath: string, readonly reason: unknown) {
    super(`cannot read ${filePath}`);
  }
}

export class ConfigSearch {
  private readonly byDirectory = new Map<string, FlylintConfig[]>();
  private readonly byFile = new Map<string, FlylintConfig>();

  constructor(private readonly knownRules: readonly string[], private readonly explicit?: string) {}

  /** `found`: met in the upward search (so possibly planted by the repository), not named by --config. */
  private load(filePath: string, found: boolean): FlylintConfig {
    let config = this.byFile.get(filePath);
    if (config) return config;
    let text: string;
    try {
      if (found) assertInsideProject(filePath, projectOf(dirname(filePath)));
      text = readRegularFile(filePath, MAX_CONFIG_BYTES).toString('utf8');
    } catch (error) {
      throw new ConfigReadError(filePath, error);
    }
    const result = parseConfigFile(text, filePath, this.knownRules);
    if (!result.config) throw new ConfigFileError(filePath, result.errors);
    this.byFile.set(filePath, result.config);
    return result.config;
  }

  /** Nearest first. */
  configsFor(filePath: string): FlylintConfig[] {
    if (this.explicit) return [this.load(resolve(this.explicit), false)];
    return this.forDirectory(dirname(resolve(filePath)));
  }

  /** Whether the configs that apply to a file name it in `include` (a fly config with another name). */
  includes(filePath: string): boolean {
    return includedBy(this.configsFor(filePath), resolve(filePath));
  }

  /** The folder of the nearest `.flylint.toml` with `root = true` above a file (none with --config). */
  rootFolderOf(filePath: string): string | undefined {
    if (this.explicit) return undefined;
    const chain = this.forDirectory(dirname(resolve(filePath)));
    const last = chain[chain.length - 1];
    return last?.root ? last.directory : undefined;
  }

  private forDirectory(dir: string): FlylintConfig[] {
    const cached = this.byDirectory.get(dir);
    if (cached) return cached;
    const candidate = join(dir, '.flylint.toml');
    let result: FlylintConfig[] = [];
    const own = existsSync(candidate) ? this.load(candidate, true) : undefined;
    const parent = dirname(dir);
    if (own?.root) result = [own];
    else {
      const above = parent !== dir ? this.forDirectory(parent) : [];
      result = own ? [own, ...above] : above;
    }
    this.byDirectory.set(dir, result);
    return result;
  }
}
