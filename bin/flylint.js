#!/usr/bin/env node
'use strict';
// Start-up is most of what a one-file run costs, and compiling the bundle is most of start-up, so
// the compiled bundle is cached in the user's cache folder (bin/cache-dir.js), never inside the
// package, as a V8 code cache made here after the run, when it holds every function the lint ran.
// Node's own compile cache (module.enableCompileCache, Node >= 22.1) serializes a script as soon as
// it is compiled, before it runs: for the bundle that is its top level alone, and each run then
// compiled the lint's functions again: on Node 24 a one-file run took 1.74x the CPU time of
// `node -e 0` that way, 1.52-1.58x with this cache. Node's cache still keeps what Node itself loads
// here: the chunks the bundle requires on demand.
// A cache that cannot be read or written only costs the compile.
// This file is CommonJS (bin/package.json), which skips the ES module loader too.
const { join } = require('node:path');
const { enableCompileCache } = require('node:module');
const { readFileSync, statSync, writeFileSync, renameSync, mkdirSync, readdirSync, unlinkSync } = require('node:fs');
const { Script } = require('node:vm');
const { cacheDir } = require('./cache-dir.js');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'cli.cjs');
const dir = cacheDir();
if (dir && typeof enableCompileCache === 'function') enableCompileCache(dir);

const source = readFileSync(bundle, 'utf8');
// V8 checks a cache against the length of the source only, so the file is named after the
// bundle's size and time: two builds of one version (two checkouts) never share one.
let cacheFile;
try {
  const { size, mtimeMs } = statSync(bundle);
  if (dir) cacheFile = join(dir, `cli-${size}-${Math.trunc(mtimeMs)}.cache`);
} catch {
  // Unreachable in practice: the bundle was just read.
}

const args = process.argv.slice(2);
// A run over many files is short work many times: most of its code runs a few hundred times and
// is done, and the optimizing compiler's work for it never pays back. With 4x V8's usual bytecode
// budget before optimizing, 276 small configs lint about 20% faster on Node 20 and a 1.2 MB file
// no slower (later V8s have no such flag). Decided from the command line alone (folders count
// once): loading node:v8 costs a few-file run 2 ms. The flag is set after the cache is read, as
// V8 rejects a cache made under other flags, and such a run writes no cache, so the one others
// read stays the plain one.
const batch = typeof enableCompileCache !== 'function' && args.length >= 20;
// A run that lints nothing (--version, --help, --list-rules …) runs little of the bundle: a cache
// it wrote would leave every later lint compiling its functions.
const linting = !args.some((arg) => /^(-h|-v|--help|--version|--list-rules|--explain|--print-config)(=|$)/.test(arg));

let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
if (batch) require('node:v8').setFlagsFromString('--interrupt-budget=270336');
if (cacheFile && (!cachedData || script.cachedDataRejected) && !batch && linting) {
  // Written at exit, so the cache holds the functions this run compiled.
  process.once('exit', () => {
    try {
      mkdirSync(dir, { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
      // Caches of earlier builds unused for a month go (each rebuild of a checkout makes one).
      const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (/^cli-.*\.cache$/.test(name) && path !== cacheFile && statSync(path).mtimeMs < monthAgo) unlinkSync(path);
      }
    } catch {
      // An unwritable cache folder: slower start-up, same results.
    }
  });
}
const module_ = { exports: {} };
// This file's own require: the bundle asks only for Node's built-in modules and, by absolute path,
// its chunks; making it a require of its own (node:module's createRequire) loads Node's ES module
// loader, 0.4 ms.
script.runInThisContext()(module_.exports, require, module_, bundle, dist);
