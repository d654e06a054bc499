#!/usr/bin/env node
import '../dist/language-server.js';
