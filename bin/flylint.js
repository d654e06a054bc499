#!/usr/bin/env node
'use strict';
// Start-up is most of what a one-file run costs, and compiling the bundle is most of start-up.
// So the CLI bundle (CommonJS) runs through a V8 code cache kept beside it: built by
// `npm run build`, rewritten here only when this Node rejects it. Node 20 has no compile cache
// of its own. This file is CommonJS (bin/package.json), which skips the ES module loader too.

// A lint run is short: most of its code runs a few hundred times and is done. V8 sends code to its
// optimizing compiler after a fixed amount of bytecode; at 4x that amount, 276 small configs
// lint about 20% faster (the compiles never paid back), and a 1.2 MB file loses nothing. Set
// before the bundle compiles; the code cache below is built the same way, so it still matches.
require('node:v8').setFlagsFromString('--interrupt-budget=270336');
const { readFileSync, statSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');

const bundle = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${bundle}.cache`;
const source = readFileSync(bundle, 'utf8');

/** The cache, unless it is older than the bundle (a cache matched to other code must never run). */
function readCache() {
  try {
    if (statSync(cacheFile).mtimeMs < statSync(bundle).mtimeMs) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
if (!cachedData || script.cachedDataRejected) {
  // Written at exit, so the cache holds the functions this run compiled; a read-only install just keeps compiling.
  process.once('exit', () => {
    try {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // No cache: slower start-up, same results.
    }
  });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, join(__dirname, '..', 'dist'));
