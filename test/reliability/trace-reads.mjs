// Preloaded with --import: every path the process reads, opens, lists or looks at is logged to
// stderr as `READ <path>`, so a test can prove what flylint touches.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = (path) => {
  if (typeof path === 'string' || path instanceof URL || Buffer.isBuffer(path)) process.stderr.write(`READ ${String(path)}\n`);
};
const SYNC = ['readFileSync', 'openSync', 'readdirSync', 'opendirSync', 'statSync', 'lstatSync', 'existsSync', 'realpathSync', 'readlinkSync', 'accessSync', 'createReadStream', 'readFile', 'open', 'readdir', 'stat', 'lstat', 'opendir', 'access'];
for (const name of SYNC) {
  const original = fs[name];
  if (typeof original !== 'function') continue;
  fs[name] = function (path, ...rest) {
    log(path);
    return original.call(this, path, ...rest);
  };
}
for (const name of ['readFile', 'open', 'readdir', 'stat', 'lstat', 'opendir', 'access', 'realpath']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    log(path);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
