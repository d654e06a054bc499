#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json); the server bundle is an ES module.
import('../dist/language-server.js');
