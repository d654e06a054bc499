// Preloaded with --import: every file the process opens is logged to stderr as `READ <path>`.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

for (const name of ['readFileSync', 'openSync', 'readdirSync', 'statSync', 'existsSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (typeof path === 'string' || path instanceof URL) process.stderr.write(`READ ${String(path)}\n`);
    return original.call(this, path, ...rest);
  };
}
for (const name of ['readFile', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    process.stderr.write(`READ ${String(path)}\n`);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
