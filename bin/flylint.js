#!/usr/bin/env node
'use strict';
// Start-up is most of what a one-file run costs, and compiling the bundle is most of start-up.
// So the CLI bundle (CommonJS) runs through a V8 code cache kept beside it: built by
// `npm run build`, rewritten here only when this Node rejects it. Node 20 has no compile cache
// of its own. This file is CommonJS (bin/package.json), which skips the ES module loader too.
const { readFileSync, statSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

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

// A run over many files is short work many times: most of its code runs a few hundred times and
// is done, and the optimizing compiler's work for it never pays back. With 4x V8's usual bytecode
// budget before optimizing, 276 small configs lint about 20% faster and a 1.2 MB file no slower.
// Decided from the command line alone (folders count once): loading node:v8 costs a few-file
// run 2 ms. The flag is set after the cache is read, as V8 rejects a cache made under other
// flags, and such a run writes no cache, so the one others read stays the plain one.
const batch = process.argv.length - 2 >= 20;

const cachedData = readCache();
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
if (batch) require('node:v8').setFlagsFromString('--interrupt-budget=270336');
if ((!cachedData || script.cachedDataRejected) && !batch) {
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
// This file's own require: the bundle asks only for Node's built-in modules, and making it a
// require of its own (node:module's createRequire) loads Node's ES module loader, 0.4 ms.
script.runInThisContext()(module_.exports, require, module_, bundle, join(__dirname, '..', 'dist'));
