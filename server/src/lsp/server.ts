/**
 * The language server: LSP wiring over the core. Documents are analysed once per version; the
 * other fly*.toml files of the workspace are read so isolation findings appear live.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, allRules, lintAnalyzed, type AnalyzedFile, type LintOptions, type RuleLevel } from '../lint/engine.js';
import { LineIndex } from '../lint/line-index.js';
import { toDiagnostics } from './diagnostics.js';
import { FIX_ALL_KIND, fixAllAction, quickFixes } from './code-actions.js';
import { hover } from './hover.js';
import { complete } from './completion.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { definition } from './definition.js';
import { parseConfigFile, optionsForFile, type FlylintConfig } from '../config/config-file.js';
import { VERSION } from '../version.js';

interface Settings {
  enable: boolean;
  environment?: string;
  rules: Record<string, RuleLevel>;
  privateApp: boolean;
}

const CONFIG_NAME = /^fly.*\.toml$/i;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; file: AnalyzedFile }>();
  const workspaceFiles = new Map<string, string>();
  let roots: string[] = [];
  let settings: Settings = { enable: true, rules: {}, privateApp: false };
  let canConfigure = false;
  let canWatch = false;
  /** The client pulls diagnostics (LSP 3.17): then they are computed on request, never pushed. */
  let pull = false;
  let canRefresh = false;
  const knownRules = allRules().map((r) => r.meta.id);

  const log = (message: string) => connection.console.log(`[flylint] ${message}`);
  const guard = <T>(what: string, fallback: T, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  function scanWorkspace(): void {
    workspaceFiles.clear();
    const walk = (dir: string, depth: number) => {
      if (depth > 6) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === 'node_modules' || e.name.startsWith('.git')) continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path, depth + 1);
        else if (e.isFile() && CONFIG_NAME.test(e.name)) {
          try {
            if (statSync(path).size < 1_000_000) workspaceFiles.set(path, readFileSync(path, 'utf8'));
          } catch {
            // Unreadable: not part of the project.
          }
        }
      }
    };
    roots.forEach((r) => walk(r, 0));
  }

  // Config files and sibling analyses are cached; watched-file events and settings changes clear them.
  const configCache = new Map<string, FlylintConfig[]>();
  const siblingCache = new Map<string, { text: string; file: AnalyzedFile }>();

  function configsFor(path: string): FlylintConfig[] {
    const cached = configCache.get(path);
    if (cached) return cached;
    const out: FlylintConfig[] = [];
    let dir = path.replace(/[\\/][^\\/]*$/, '');
    for (let i = 0; i < 32 && dir; i++) {
      const candidate = join(dir, '.flylint.toml');
      try {
        const parsed = parseConfigFile(readFileSync(candidate, 'utf8'), candidate, knownRules);
        if (parsed.config) {
          out.push(parsed.config);
          if (parsed.config.root) break;
        } else {
          log(`${candidate}: ${parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
        }
      } catch {
        // No config file here.
      }
      const parent = dir.replace(/[\\/][^\\/]*$/, '');
      if (parent === dir) break;
      dir = parent;
    }
    configCache.set(path, out);
    return out;
  }

  function optionsFor(uri: string, appName?: string): LintOptions {
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const fromConfig = path ? optionsForFile(configsFor(path), path, appName) : {};
    return {
      ...fromConfig,
      ...(path ? { filePath: path } : {}),
      rules: { ...(fromConfig.rules ?? {}), ...settings.rules },
      ...(settings.environment ? { env: settings.environment, envReason: 'the flylint.environment setting' } : {}),
      ...(settings.privateApp ? { privateApp: true } : {}),
    };
  }

  function analysisOf(document: TextDocument): AnalyzedFile {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.file;
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
    const options = optionsFor(document.uri);
    const file = analyze(document.getText(), path, options);
    analyses.set(document.uri, { version: document.version, file });
    return file;
  }

  function siblingsOf(path: string): AnalyzedFile[] {
    const out: AnalyzedFile[] = [];
    for (const [other, saved] of workspaceFiles) {
      if (other === path) continue;
      const open = documents.get(pathToFileURL(other).href);
      const text = open ? open.getText() : saved;
      let cached = siblingCache.get(other);
      if (!cached || cached.text !== text) {
        cached = { text, file: analyze(text, other, optionsFor(pathToFileURL(other).href)) };
        siblingCache.set(other, cached);
      }
      out.push(cached.file);
    }
    return out;
  }

  function findingsOf(document: TextDocument) {
    const file = analysisOf(document);
    return lintAnalyzed(file, siblingsOf(file.filePath), optionsFor(document.uri, file.config.appName));
  }

  function diagnosticsOf(document: TextDocument) {
    if (!settings.enable) return [];
    return guard('diagnostics', [], () => toDiagnostics(findingsOf(document), new LineIndex(document.getText()), document.uri));
  }

  function validate(document: TextDocument): void {
    if (pull) return;
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnosticsOf(document) });
  }

  async function loadSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      const [value] = (await connection.workspace.getConfiguration([{ section: 'flylint' }])) as Array<Partial<Settings> | null>;
      settings = { enable: value?.enable ?? true, rules: value?.rules ?? {}, privateApp: value?.privateApp ?? false, ...(value?.environment ? { environment: value.environment } : {}) };
    } catch (error) {
      log(`could not read settings: ${String(error)}`);
    }
  }

  const revalidateAll = () => {
    analyses.clear();
    configCache.clear();
    siblingCache.clear();
    if (pull && canRefresh) connection.languages.diagnostics.refresh().catch((error: unknown) => log(`diagnostic refresh failed: ${String(error)}`));
    documents.all().forEach(validate);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    roots = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (roots.length === 0 && params.rootUri?.startsWith('file:')) roots = [fileURLToPath(params.rootUri)];
    guard('workspace scan', undefined, scanWorkspace);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '=', ' ', '"', '.'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: 'flylint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'flylint', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/fly*.toml' }, { globPattern: '**/.flylint.toml' }] }).catch((error: unknown) => log(`could not watch files: ${String(error)}`));
    }
    await loadSettings();
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    guard('workspace scan', undefined, scanWorkspace);
    revalidateAll();
  });

  documents.onDidChangeContent((event) => {
    const path = event.document.uri.startsWith('file:') ? fileURLToPath(event.document.uri) : '';
    if (path && workspaceFiles.has(path)) workspaceFiles.set(path, event.document.getText());
    validate(event.document);
  });
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('code actions', [], () => {
      const only = params.context.only;
      const wantsFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
      const actions = only && !only.includes(CodeActionKind.QuickFix) ? [] : quickFixes(document.uri, document.getText(), params.context.diagnostics);
      if (wantsFixAll) {
        const file = analysisOf(document);
        const options = optionsFor(document.uri, file.config.appName);
        const all = fixAllAction(document.uri, document.getText(), (t) => lintAnalyzed(analyze(t, file.filePath, options), siblingsOf(file.filePath), options));
        if (all) actions.push(all);
      }
      return actions;
    });
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: 'full' as const, items: document ? diagnosticsOf(document) : [] };
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('hover', null, () => hover(analysisOf(document), document.offsetAt(params.position)));
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('completion', [], () => complete(analysisOf(document), document.offsetAt(params.position)));
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('symbols', [], () => documentSymbols(analysisOf(document).doc, document.getText()));
  });

  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('folding', [], () => foldingRanges(analysisOf(document).doc, document.getText()));
  });

  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('definition', null, () => definition(analysisOf(document), document.uri, document.offsetAt(params.position)));
  });

  documents.listen(connection);
  connection.listen();
}
