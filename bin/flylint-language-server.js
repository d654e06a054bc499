#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json); the server bundle is an ES module. On Node >= 22.1 its compiled code
// is cached in the user's cache folder (bin/cache-dir.js), as the CLI's is.
const { enableCompileCache } = require('node:module');

if (typeof enableCompileCache === 'function') {
  const dir = require('./cache-dir.js').cacheDir();
  if (dir) enableCompileCache(dir);
}
import('../dist/language-server.js');
