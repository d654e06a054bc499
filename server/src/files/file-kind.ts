/**
 * What is at a path, for the project view of both front ends: a link whose target lies outside
 * the project, a device, a pipe or a socket is `unreadable` (never read, never judged missing).
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { FileKind } from '../project/project-view.js';

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function isInsideProject(path: string, project: string): boolean {
  try {
    const rel = relative(realOr(project), realpathSync(path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  } catch {
    return false;
  }
}

export function fileKind(path: string, project: string): FileKind {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
  if (!isInsideProject(path, project)) return 'unreadable';
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'unreadable';
}
