/**
 * What a host (the CLI, the language server, a test) shows the core of the project around one
 * config: whether a file exists and its text. Paths are relative to the project root, with `/`
 * between parts (`fly/fly.toml`, `containers/backend/Dockerfile`): the core never sees a file
 * system path, and nothing above the root can be named. Rules that need files are silent when
 * the host gives no view.
 */

/** What is at a path: `unreadable` covers links leaving the project, devices, permission errors. */
export type FileKind = 'file' | 'directory' | 'missing' | 'unreadable';

export interface ProjectView {
  /** The config's own path, relative to the project root. */
  readonly configPath: string;
  /** What is at a root-relative path. Never throws. */
  kind(path: string): FileKind;
  /** The text of a root-relative regular file, or undefined (missing, unreadable, too large). Never throws. */
  read(path: string): string | undefined;
  /** The names in a root-relative folder (`''` for the root), or undefined when it cannot be read. Never throws. */
  list(folder: string): string[] | undefined;
}
