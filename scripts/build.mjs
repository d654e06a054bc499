#!/usr/bin/env node
// Builds what `bin/` and the package main run: the schema validator compiled ahead of time, then
// one bundled file per entry point (fast start-up: one file to read, no module resolution).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runScript(relative) {
  const path = join(root, relative);
  if (!existsSync(path)) return;
  const result = spawnSync(process.execPath, [path], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

runScript('scripts/build-schema.mjs');

// The CLI is CommonJS: bin/flylint.js runs it through a V8 code cache on Node 20, which needs a plain script.
const entries = [
  ['server/src/index.ts', 'dist/index.js', 'esm'],
  ['server/src/cli/bin.ts', 'dist/cli.cjs', 'cjs'],
  ['server/src/lsp/main.ts', 'dist/language-server.js', 'esm'],
].filter(([source]) => existsSync(join(root, source)));

// Files of earlier builds: the code cache once kept here (it now lives in the user's cache folder).
rmSync(join(root, 'dist', 'cli.cjs.cache'), { force: true });
rmSync(join(root, 'dist', 'cli.js'), { force: true });
rmSync(join(root, 'dist', 'cli.js.map'), { force: true });

/**
 * Packages the CLI leaves out of its bundle and loads from a file of their own beside it when first
 * asked for: every one-file run reads and deserializes the whole bundle, and these serve a setting
 * few configs use (re2js runs `secrets.patterns` from a .flylint.toml, and is a quarter of the bundle).
 */
const CLI_CHUNKS = [['re2js', 'dist/cli-re2js.cjs']];

/**
 * The resolved fly.toml schema, read by the CLI from a JSON file beside its bundle. In the bundle it
 * was a 142 KB string that every start read twice (in the source and in the code cache) before
 * parsing it; from its own file it is read once. The language server and the library keep it inside.
 */
const CLI_SCHEMA = 'dist/cli-fly-schema.json';
const { default: resolvedSchema } = await import(pathToFileURL(join(root, 'server', 'src', 'schema', 'generated', 'fly-schema-resolved.js')).href);
mkdirSync(join(root, 'dist'), { recursive: true });
// ASCII, as the bundle: one character above 0x7F would make the whole text a two-byte string.
writeFileSync(join(root, CLI_SCHEMA), JSON.stringify(resolvedSchema).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
const schemaFile = {
  name: 'schema-file',
  setup(builder) {
    builder.onResolve({ filter: /\/generated\/fly-schema-resolved\.js$/ }, () => ({ path: 'fly-schema', namespace: 'schema-file' }));
    builder.onLoad({ filter: /^fly-schema$/, namespace: 'schema-file' }, () => ({
      contents: `export default JSON.parse(require('node:fs').readFileSync(__dirname + ${JSON.stringify(`/${CLI_SCHEMA.slice('dist/'.length)}`)}, 'utf8'));`,
      loader: 'js',
    }));
  },
};

/**
 * Resolves a chunk's package to a require of its file next to the bundle. By absolute path from the
 * bundle's `__dirname`: bin/flylint.js may run the bundle with its own `require` (Node 20's code
 * cache), which would resolve a relative path from bin/.
 */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(builder) {
    for (const [pkg, out] of CLI_CHUNKS) {
      const file = out.slice('dist/'.length);
      builder.onResolve({ filter: new RegExp(`^${pkg}$`) }, () => ({ path: pkg, namespace: 'lazy-chunk' }));
      builder.onLoad({ filter: new RegExp(`^${pkg}$`), namespace: 'lazy-chunk' }, () => ({
        contents: `module.exports = require(__dirname + ${JSON.stringify(`/${file}`)});`,
        loader: 'js',
      }));
    }
  },
};

await Promise.all(
  CLI_CHUNKS.map(([pkg, out]) =>
    build({
      absWorkingDir: root,
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' },
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);

await Promise.all(
  entries.map(([source, out, format]) =>
    build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile: out,
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      // Maps stay in dist/ for development and are not published: no sourceMappingURL comment points
      // an installed bundle at a file that is not there.
      sourcemap: 'external',
      legalComments: 'none',
      // The CLI reads and compiles its whole bundle at every start: minified, that is 3 ms less of
      // a 70 ms run. Its errors show messages, not stacks; the source map names the places.
      ...(format === 'cjs' ? { minify: true, plugins: [lazyChunks, schemaFile] } : {}),
      logLevel: 'warning',
      // Bundled CommonJS dependencies (vscode-languageserver) call require(); give ESM one.
      ...(format === 'esm' ? { banner: { js: "import { createRequire as __flylintCreateRequire } from 'node:module'; const require = __flylintCreateRequire(import.meta.url);" } } : {}),
    }),
  ),
);

runScript('client/build.mjs');

// Type declarations of the library API (package main), for TypeScript users of `import … from 'flylint'`.
rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.types.json')], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
