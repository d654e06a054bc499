/**
 * What a config says about its environment ([env] labels, app-name words, folders), template
 * placeholders, and the isolation and region rules that depend on them.
 */
import { describe, expect, it } from 'vitest';
import { lintText, resolveEnvironment } from '../../server/src/index.js';
import { isPlaceholder } from '../../server/src/fly/placeholder.js';
import { suggestedAppName } from '../../server/src/fly/environment.js';
import type { EnvironmentSources } from '../../server/src/fly/environment.js';

const env = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, text]) => ({ name, text }));

describe('environment signals', () => {
  it.each<[EnvironmentSources, string, string]>([
    // [env] labels that name a non-production environment.
    [{ filePath: '/r/fly.translate.toml', appName: 'prereview-translate', envVars: env({ ENVIRONMENT_LABEL: 'sandbox' }) }, 'sandbox', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ ENVIRONMENT: 'staging' }) }, 'staging', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ APP_ENV: 'staging' }) }, 'staging', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ RAILS_ENV: 'staging' }) }, 'staging', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ MIX_ENV: 'dev' }) }, 'development', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ DEPLOY_ENV: 'QA' }) }, 'qa', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ STAGE: 'preview' }) }, 'preview', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ DEPLOYMENT_ENVIRONMENT: 'demo' }) }, 'demo', 'env-label'],
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ NODE_ENV: 'production', ENV: 'test' }) }, 'test', 'env-label'],
    // A label before a framework mode when both name non-production environments.
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ APP_ENV: 'staging', ENVIRONMENT: 'review' }) }, 'review', 'env-label'],
    // A framework's production mode is no evidence: staging builds set it too.
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ NODE_ENV: 'production', RAILS_ENV: 'production' }) }, 'production', 'default'],
    [{ filePath: '/r/fly.toml', appName: 'shop-staging', envVars: env({ NODE_ENV: 'production' }) }, 'staging', 'app-name'],
    // An explicit production label is weaker than the file name and the app name, stronger than the default.
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ ENVIRONMENT: 'production' }) }, 'production', 'env-label'],
    [{ filePath: '/r/fly.staging.toml', appName: 'shop', envVars: env({ DEPLOYMENT_ENVIRONMENT: 'production' }) }, 'staging', 'file-name'],
    [{ filePath: '/r/fly.toml', appName: 'shop-staging', envVars: env({ ENVIRONMENT: 'production' }) }, 'staging', 'app-name'],
    // A file name beats a label.
    [{ filePath: '/r/fly.prod.toml', appName: 'shop', envVars: env({ ENVIRONMENT: 'staging' }) }, 'production', 'file-name'],
    // Values that are not an environment word say nothing.
    [{ filePath: '/r/fly.toml', appName: 'shop', envVars: env({ SKIP_LOAD_ENV: 'true', ENVIRONMENT: 'eu-west' }) }, 'production', 'default'],
    // Environment words anywhere in the app name, as whole words.
    [{ filePath: '/r/fly.toml', appName: 'test-preview-agents' }, 'test', 'app-name'],
    [{ filePath: '/r/fly-mailpit.toml', appName: 'restarters-dev-mail' }, 'development', 'app-name'],
    [{ filePath: '/r/fly.toml', appName: 'shaun-etcd-test-2' }, 'test', 'app-name'],
    [{ filePath: '/r/fly.toml', appName: 'shop-pr-12-web' }, 'pr-12', 'app-name'],
    [{ filePath: '/r/fly.toml', appName: 'prod-api' }, 'production', 'app-name'],
    [{ filePath: '/r/fly.toml', appName: 'developer-portal' }, 'production', 'default'],
    [{ filePath: '/r/fly.toml', appName: 'contest' }, 'production', 'default'],
    [{ filePath: '/r/fly.toml', appName: 'staginghub' }, 'production', 'default'],
    // Any folder between the project root and the file.
    [{ filePath: '/r/staging/api/fly.toml', projectRoot: '/r', appName: 'api' }, 'staging', 'folder'],
    [{ filePath: '/r/deploy/preview/web/fly.worker.toml', projectRoot: '/r', appName: 'web' }, 'preview', 'folder'],
    [{ filePath: '/r/apps/web/production/fly.toml', projectRoot: '/r', appName: 'web' }, 'production', 'folder'],
    // The nearest folder decides.
    [{ filePath: '/r/staging/production/fly.toml', projectRoot: '/r', appName: 'web' }, 'production', 'folder'],
    // Folders at or above the root are not the project's: a clone kept in ~/dev/.
    [{ filePath: '/home/me/dev/shop/fly.toml', projectRoot: '/home/me/dev/shop', appName: 'shop' }, 'production', 'default'],
    [{ filePath: '/home/dev/shop/api/fly.toml', projectRoot: '/home/dev/shop', appName: 'api' }, 'production', 'default'],
    // Without a root only the file's own folder counts, as before.
    [{ filePath: '/r/staging/api/fly.toml', appName: 'api' }, 'production', 'default'],
    [{ filePath: '/r/api/staging/fly.toml', appName: 'api' }, 'staging', 'folder'],
  ])('%j → %s (%s)', (sources, name, source) => {
    const found = resolveEnvironment(sources);
    expect(found).toMatchObject({ name, source, isProduction: name === 'production' });
  });

  it('says which signal decided and why', () => {
    expect(resolveEnvironment({ filePath: '/r/fly.toml', envVars: env({ ENVIRONMENT_LABEL: 'sandbox' }) }).reason).toBe('[env] ENVIRONMENT_LABEL = "sandbox"');
    expect(resolveEnvironment({ filePath: '/r/staging/api/fly.toml', projectRoot: '/r' }).reason).toBe('folder "staging" above the file');
    expect(resolveEnvironment({ filePath: '/r/fly.toml', appName: 'restarters-dev-mail' }).reason).toBe('app name "restarters-dev-mail"');
    expect(resolveEnvironment({ filePath: '/r/fly.toml' }).reason).toMatch(/^nothing names another environment/);
  });

  it('lintText reads [env] labels and the project root', () => {
    const rules = (text: string, options: Parameters<typeof lintText>[1]) => lintText(text, options).map((f) => f.ruleId);
    const bare = 'app = "prereview-translate"\n\n[env]\nENVIRONMENT_LABEL = "sandbox"\n';
    expect(rules(bare, { filePath: '/r/fly.translate.toml' })).not.toContain('shared-cpu-in-production');
    expect(rules('app = "api"\n', { filePath: '/r/staging/api/fly.toml', projectRoot: '/r' })).not.toContain('shared-cpu-in-production');
    expect(rules('app = "api"\n', { filePath: '/r/staging/api/fly.toml' })).toContain('shared-cpu-in-production');
    // Siblings are read with the same root.
    const siblings = [{ filePath: '/r/production/api/fly.toml', text: 'app = "api"\n' }];
    expect(rules('app = "api"\n', { filePath: '/r/staging/api/fly.toml', projectRoot: '/r', siblings })).toContain('shared-app-name');
  });
});

describe('placeholders', () => {
  it.each(['$REGION', '${PRIMARY_REGION}', '{{ .Region }}', '{{APP_NAME}}', '%NAME%', '%fly_app_name%-redis', 'changeme', 'CHANGE_ME', '<your-app>', 'PUT-YOUR-FLY-IO-APP-NAME-HERE', 'your-app-name', 'yourappname', '__APP_NAME__', '<%= app %>', 'xxx-windmill-server', 'placeholder'])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });
  it.each(['shop', 'ams', 'sea', 'shop-staging', 'yourls', 'todo-app', 'shared-cpu-1x', '__proto__', '__defineGetter__', 'SIGTERM', '30s', 'stop', 'on-failure'])('%s is a value of its own', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
  it('a long text is never scanned as a placeholder, and scanning is linear', () => {
    expect(isPlaceholder(`$X${'a'.repeat(300)}`)).toBe(false);
    const started = performance.now();
    for (const text of ['{{'.repeat(128), '{%'.repeat(128), '<%'.repeat(128), '<a'.repeat(128), '%a'.repeat(128)]) isPlaceholder(text);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('no rule reports a placeholder as an invalid region, app name, size or value', () => {
    const template = [
      'app = "${APP_NAME}"',
      'primary_region = "{{ .Region }}"',
      'kill_signal = "$KILL_SIGNAL"',
      'kill_timeout = "${KILL_TIMEOUT}"',
      '',
      '[http_service]',
      'internal_port = 8080',
      'auto_stop_machines = "%AUTOSTOP%"',
      '',
      '[[vm]]',
      'size = "${VM_SIZE}"',
      'memory = "{{MEMORY}}"',
      '',
      '[[restart]]',
      'policy = "changeme"',
      '',
      '[[mounts]]',
      'source = "data"',
      'destination = "/data"',
      'initial_size = "$SIZE"',
      '',
    ].join('\n');
    const staging = { filePath: '/r/fly.staging.toml', text: 'app = "${APP_NAME}"\nprimary_region = "$REGION"\n[env]\nAPI = "http://${APP_NAME}.internal"\n' };
    const noisy = new Set(['primary-region', 'invalid-value', 'invalid-mount', 'vm-sizing', 'shared-cpu-in-production', 'shared-app-name', 'environment-naming', 'cross-environment-reference']);
    for (const [text, filePath, other] of [[template, '/r/fly.toml', staging], [staging.text, staging.filePath, { filePath: '/r/fly.toml', text: template }]] as const) {
      const found = lintText(text, { filePath, siblings: [other] }).filter((f) => noisy.has(f.ruleId));
      expect(found.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    }
    // The type is still checked: a quoted placeholder stays a string.
    expect(lintText('app = "shop"\n[http_service]\ninternal_port = "$PORT"\n', { filePath: '/r/fly.toml' }).map((f) => f.ruleId)).toContain('invalid-type');
    // Real values next to placeholders are still checked.
    expect(lintText('app = "${APP}"\nprimary_region = "xyz"\n', { filePath: '/r/fly.staging.toml' }).map((f) => f.ruleId)).toContain('primary-region');
  });
});

describe('isolation rules say what is true', () => {
  const isolation = (text: string, filePath: string, siblings: Array<{ filePath: string; text: string }>, rule: string) =>
    lintText(text, { filePath, siblings }).filter((f) => f.ruleId === rule).map((f) => f.message);

  it('shared-app-name never suggests renaming the production app, and says which config is which', () => {
    const prod = { filePath: '/r/fly.toml', text: 'app = "shop"\n' };
    const staging = { filePath: '/r/fly.staging.toml', text: 'app = "shop"\n' };
    expect(isolation(prod.text, prod.filePath, [staging], 'shared-app-name')).toEqual([
      'app = "shop" is also the app of fly.staging.toml (staging): deploying that staging config replaces this production app. Give fly.staging.toml its own app (e.g. "shop-staging"); keep this one',
    ]);
    expect(isolation(staging.text, staging.filePath, [prod], 'shared-app-name')).toEqual([
      'app = "shop" is also the app of fly.toml (production): deploying this staging config replaces the production app. Give this config its own app (e.g. "shop-staging")',
    ]);
  });

  it('two non-production configs sharing an app are not the production/staging breach', () => {
    const dev = { filePath: '/r/fly.dev.toml', text: 'app = "restarters-dev"\n' };
    const preview = { filePath: '/r/fly.preview.toml', text: 'app = "restarters-dev"\n' };
    expect(isolation(dev.text, dev.filePath, [preview], 'shared-app-name')).toEqual([]);
    expect(isolation(preview.text, preview.filePath, [dev], 'shared-app-name')).toEqual([]);
  });

  it.each([
    ['shop', 'staging', 'shop-staging'],
    ['shop', 'development', 'shop-dev'],
    ['restarters-dev', 'development', undefined],
    ['restarters-dev', 'preview', 'restarters-preview'],
    ['shop-dev-mail', 'staging', 'shop-staging-mail'],
    ['shop-pr-12', 'staging', 'shop-staging'],
    ['shop', 'pr-12', 'shop-pr-12'],
    ['shop', 'production', undefined],
    ['${APP}', 'staging', undefined],
  ])('suggests a natural name: %s in %s → %s', (app, environment, name) => {
    expect(suggestedAppName(app, environment)).toBe(name);
  });

  it('environment-naming reads naturally and leaves names that say any environment alone', () => {
    expect(isolation('app = "shop-eu"\n', '/r/fly.dev.toml', [], 'environment-naming')).toEqual([
      'This is a development config (file name "r/fly.dev.toml"), but app = "shop-eu" does not say so: in `fly apps list` it reads like a production app. Name it e.g. "shop-eu-dev"',
    ]);
    expect(isolation('app = "restarters-dev"\n', '/r/fly.preview.toml', [], 'environment-naming')).toEqual([]);
    expect(isolation('app = "shop-mainnet"\n# flylint-env: mainnet\n', '/r/fly.toml', [], 'environment-naming')).toEqual([]);
    // An [env] label alone is weaker evidence than the app's own name: no rename asked.
    expect(isolation('app = "prereview-translate"\n[env]\nENVIRONMENT_LABEL = "sandbox"\n', '/r/fly.translate.toml', [], 'environment-naming')).toEqual([]);
  });

  it('cross-environment-reference reads [env] labels and compares production with the others only', () => {
    const cache = { filePath: '/r/fly.http-cache-sandbox.toml', text: 'app = "http-cache-sandbox"\n' };
    const translate = 'app = "prereview-translate"\n[env]\nENVIRONMENT_LABEL = "sandbox"\nURI = "redis://{region}.http-cache-sandbox.internal"\n';
    expect(isolation(translate, '/r/fly.translate.toml', [cache], 'cross-environment-reference')).toEqual([]);
    // A preview deployed to the dev app may use the dev mail server.
    const mail = { filePath: '/r/fly-mailpit.toml', text: 'app = "restarters-dev-mail"\n' };
    expect(isolation('app = "restarters-dev"\n[env]\nMAIL_HOST = "restarters-dev-mail.internal"\n', '/r/fly.preview.toml', [mail], 'cross-environment-reference')).toEqual([]);
    // Production reaching staging is still reported.
    const staging = { filePath: '/r/fly.staging.toml', text: 'app = "shop-staging"\n' };
    expect(isolation('app = "shop"\n[env]\nAPI = "http://shop-staging.internal"\n', '/r/fly.toml', [staging], 'cross-environment-reference')).toHaveLength(1);
  });
});

describe('primary-region: deploy breakers everywhere, advice in production', () => {
  const region = (text: string, filePath: string) => lintText(text, { filePath }).filter((f) => f.ruleId === 'primary-region');
  it.each([
    ['app = "indexer-staging"\nprimary_region = "den"\n', '/r/fly.staging.toml', 'error'],
    ['app = "indexer"\nprimary_region = "den"\n', '/r/fly.toml', 'error'],
    ['app = "indexer-dev"\nprimary_region = "xyz"\n', '/r/fly.toml', 'warning'],
    ['app = "indexer"\n', '/r/fly.toml', 'warning'],
  ])('%j in %s → %s', (text, filePath, severity) => {
    expect(region(text, filePath).map((f) => f.severity)).toEqual([severity]);
  });
  it('a missing primary_region is production advice only', () => {
    expect(region('app = "indexer"\n', '/r/fly.staging.toml')).toEqual([]);
  });
  it('a retired region says what fails and what replaces it', () => {
    const [retired] = region('app = "shop"\nprimary_region = "den"\n[deploy]\nrelease_command = "migrate"\n', '/r/fly.staging.toml');
    expect(retired!.message).toBe('Region "den" is retired: the platform refuses new Machines there, so a deploy that creates one fails (every deploy here: release_command starts one). Its replacement is "dfw" (Dallas, Texas (US)): use primary_region = "dfw"');
  });
});

describe('shared-cpu-in-production: shared CPUs chosen for a web app, or no recorded size', () => {
  const shared = (text: string) => lintText(text, { filePath: '/r/fly.toml' }).filter((f) => f.ruleId === 'shared-cpu-in-production');
  it.each([
    ['a worker with no service', 'app = "shop-worker"\n[[vm]]\nsize = "shared-cpu-1x"\n', 0],
    ['a worker with no [[vm]]: its size is not recorded', 'app = "shop-worker"\n', 1],
    ['a database that chose shared CPUs', 'app = "shop-db"\n[[services]]\ninternal_port = 5432\n[[services.ports]]\nport = 5432\nhandlers = ["pg_tls"]\n[[vm]]\nsize = "shared-cpu-1x"\nmemory = "1gb"\n', 0],
    ['a web app on shared CPUs', 'app = "shop"\n[http_service]\ninternal_port = 8080\n[[vm]]\nsize = "shared-cpu-1x"\n', 1],
    ['a web app with no [[vm]]', 'app = "shop"\n[http_service]\ninternal_port = 8080\n', 1],
    ['an HTTP handler in [[services]]', 'app = "shop"\n[[services]]\ninternal_port = 8080\n[[services.ports]]\nport = 80\nhandlers = ["http"]\n', 1],
    ['a placeholder size', 'app = "shop"\n[http_service]\ninternal_port = 8080\n[[vm]]\nsize = "${VM_SIZE}"\n', 0],
    ['a worker whose [[vm]] group has no service', 'app = "shop"\n[processes]\nweb = "w"\nworker = "q"\n[http_service]\nprocesses = ["web"]\ninternal_port = 8080\n[[vm]]\nprocesses = ["web"]\nsize = "performance-1x"\nmemory = "2gb"\n[[vm]]\nprocesses = ["worker"]\nsize = "shared-cpu-1x"\n', 0],
  ])('%s → %i', (_, text, count) => {
    expect(shared(text)).toHaveLength(count);
  });
  it('offers performance CPUs only to web apps', () => {
    const [worker] = shared('app = "shop-worker"\n');
    expect(worker!.message).toBe('No [[vm]] section: new Machines start as shared-cpu-1x with 256 MB, which production apps outgrow (existing ones keep their size). Add a [[vm]] with the size this app needs');
    expect(worker!.suggestions).toBeUndefined();
    const [web] = shared('app = "shop"\n[http_service]\ninternal_port = 8080\n');
    expect(web!.suggestions!.map((s) => s.desc)).toEqual(['Add a [[vm]] with 1 performance CPU and 2 GB']);
  });
});
