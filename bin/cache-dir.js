'use strict';
// Where flylint keeps its compile caches: the user's cache folder, never the package's own (an
// installed package may be read-only, shared by several Node versions, or checked by a package
// manager). One folder per flylint version and Node (and V8) version, so no cache is ever read by
// other code or another V8 than the one that made it. Deleting the folder is always safe.
const { homedir } = require('node:os');
const { isAbsolute, join } = require('node:path');

/** The platform's per-user cache folder for flylint, or undefined when there is none. */
function cacheRoot(env, platform) {
  let home;
  try {
    home = homedir();
  } catch {
    // No home folder (a system account): no cache.
  }
  const absolute = (path) => (path && isAbsolute(path) ? path : undefined);
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA) ?? (absolute(home) && join(home, 'AppData', 'Local'));
    return local && join(local, 'flylint', 'Cache');
  }
  if (platform === 'darwin') return absolute(home) && join(home, 'Library', 'Caches', 'flylint');
  // XDG base directories: a relative XDG_CACHE_HOME is invalid and ignored.
  const base = absolute(env.XDG_CACHE_HOME) ?? (absolute(home) && join(home, '.cache'));
  return base && join(base, 'flylint');
}

/** This flylint's and this Node's cache folder (not created here), or undefined. */
function cacheDir(env = process.env, platform = process.platform) {
  const root = cacheRoot(env, platform);
  if (!root) return undefined;
  const { version } = require('../package.json');
  return join(root, `${version}-node${process.versions.node}-v8-${process.versions.v8}-${process.arch}`);
}

module.exports = { cacheDir };
