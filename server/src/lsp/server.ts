/**
 * The language server: LSP wiring over the core and the pure feature modules beside this file.
 * A document is analysed once per version; its findings are kept until it, another config of its
 * project, a `.flylint.toml` or the settings change. Every handler is guarded: a failure is logged
 * to the client's output and answered with an empty result, never a crash.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FileTooLargeError, MAX_CONFIG_BYTES, readRegularFile } from '../files/read-file.js';
import { OutsideProjectError, assertInsideProject } from '../files/confinement.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type FormattingOptions,
  type Range,
  type TextEdit,
  type InitializeParams,
  type InitializeResult,
  type SemanticTokens,
  type SemanticTokensDelta,
} from 'vscode-languageserver';
import { createConnection, ProposedFeatures, type Message } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, allRules, lintAnalyzed, secretsOf, type AnalyzedFile, type LintOptions } from '../lint/engine.js';
import type { Finding } from '../lint/types.js';
import { LineIndex } from '../lint/line-index.js';
import { optionsForFile } from '../config/config-file.js';
import { VERSION } from '../version.js';
import { configDiagnostics, toDiagnostics } from './diagnostics.js';
import { FIX_ALL_KIND, diagnosticsFor, fixAllAction, quickFixes } from './code-actions.js';
import { hover } from './hover.js';
import { formatFor, markupFor, plainText, withDocumentationFormat, type DocumentationFormat } from './markup.js';
import { complete, type CompletionOptions } from './completion.js';
import { documentSymbols } from './symbols.js';
import { foldingRanges } from './folding.js';
import { definition } from './definition.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, tokenEdits, tokensInLines } from './semantic-tokens.js';
import { inlayHints } from './inlay-hints.js';
import { prepareRename, rename } from './rename.js';
import { documentHighlights, references } from './references.js';
import { Workspace, isConfigFilePath, isFlyConfigDocument, type FileAccess } from './workspace.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';
import { ChangeQueue } from './change-queue.js';
import { InputEnd } from './input-end.js';
import { Lifecycle, gateReader } from './message-gate.js';
import { fileKind } from '../files/file-kind.js';
import { absoluteIn, editorProjectView } from './editor-project-view.js';
import { documentLinks } from './document-links.js';
import { internalPortHover } from './image-hover.js';
import { projectFilesWatched, isProjectFileEvent } from './project-files.js';
import type { ProjectView } from '../project/project-view.js';
import { FrameWriter } from './frame-writer.js';
import { FrameReader } from './frame-reader.js';
import { formattingEdits, styleFor } from './formatting.js';
import { formatOptionsOf } from '../config/config-file.js';

/** Other open configs of a project are re-checked this long after an edit (isolation findings). */
const PROJECT_DELAY_MS = 150;

/**
 * The file system as the server sees it. A file is read only when it is a regular file of at most
 * MAX_CONFIG_BYTES (never a device, a pipe or the server's own stdin) and its real path lies
 * inside the project it belongs to (`projectOf`: its workspace folder): a `.flylint.toml` or a
 * `fly.staging.toml` that links elsewhere is refused and the refusal logged.
 */
export function nodeFiles(projectOf: (path: string) => string | undefined = () => undefined, log: (message: string) => void = () => undefined): FileAccess {
  return {
    readDirectory(path) {
      try {
        return readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() }));
      } catch {
        return undefined;
      }
    },
    readFile(path) {
      try {
        assertInsideProject(path, projectOf(path) ?? dirname(path));
        return readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
      } catch (error) {
        if (error instanceof OutsideProjectError || error instanceof FileTooLargeError || (error instanceof Error && / not a regular file$/.test(error.message))) {
          log(`${path} is not read: ${error.message}`);
        }
        return undefined;
      }
    },
    kind(path) {
      return fileKind(path, projectOf(path) ?? dirname(path));
    },
  };
}

export interface ServerOptions {
  files?: FileAccess;
  /** True when a newer version of the document has already arrived (see ChangeQueue). */
  isSuperseded?: (uri: string, version: number) => boolean;
}

interface DocumentState {
  version: number;
  configGeneration: number;
  file: AnalyzedFile;
  index: LineIndex;
  options: LintOptions;
  /** False for TOML files that are not fly configs (a client attached the server to every TOML file). */
  served: boolean;
  findings?: { generation: string; list: Finding[] };
  /** Computed on first request: the outline of a large file is asked for again and again. */
  symbols?: DocumentSymbol[];
  folding?: FoldingRange[];
  /** Semantic tokens, encoded (semantic-tokens.ts). */
  tokens?: number[];
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function kindMatches(kind: string, filter: string): boolean {
  return kind === filter || kind.startsWith(`${filter}.`);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const knownRules = allRules().map((r) => r.meta.id);
  const log = (message: string) => connection.console.log(`[flylint] ${message}`);
  const files = options.files ?? nodeFiles((path) => workspace.rootOf(path), log);
  const workspace: Workspace = new Workspace(files, knownRules);
  const isSuperseded = options.isSuperseded ?? (() => false);
  const states = new Map<string, DocumentState>();
  const siblingCache = new Map<string, { text: string; configGeneration: number; file: AnalyzedFile }>();
  let settings: Settings = DEFAULT_SETTINGS;
  /** Settings or a `.flylint.toml` changed: analyses (environment) and findings are stale. */
  let configGeneration = 0;
  /** A config of a project changed (edit, save, close, file event): findings are stale. */
  let projectGeneration = 0;
  let canConfigure = false;
  let canWatch = false;
  let canFollowFolders = false;
  /** The client pulls diagnostics (LSP 3.17): they are computed on request and never pushed. */
  let pull = false;
  let canRefresh = false;
  let completionOptions: CompletionOptions = {};
  /** Plain text for clients that do not render markdown (markup.ts). */
  let hoverFormat: DocumentationFormat = MarkupKind.PlainText;
  let completionDocFormat: DocumentationFormat = MarkupKind.PlainText;
  /** The client takes semantic tokens that span lines; otherwise they are cut per line. */
  let multilineTokens = false;
  /** The semantic tokens last sent per document, for `full/delta`. */
  const sentTokens = new Map<string, { resultId: string; data: number[] }>();
  let tokenResults = 0;
  let projectTimer: NodeJS.Timeout | undefined;
  const configUrisWithProblems = new Set<string>();
  /** Changes seen per document: versions alone do not tell one text from another. */
  const contentGeneration = new Map<string, number>();

  const guard = <T>(what: string, fallback: T, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      connection.console.error(`[flylint] ${what} failed: ${describe(error)}`);
      return fallback;
    }
  };

  function optionsFor(path: string | undefined, appName?: string): LintOptions {
    const fromConfig = path ? optionsForFile(workspace.configsFor(path), path, appName) : {};
    // The workspace folder is the project: its folders above the file may name the environment.
    const projectRoot = path ? workspace.rootOf(path) : undefined;
    return {
      ...fromConfig,
      ...(path ? { filePath: path } : {}),
      ...(projectRoot !== undefined ? { projectRoot } : {}),
      rules: { ...(fromConfig.rules ?? {}), ...settings.rules },
      ...(settings.environment ? { env: settings.environment, envReason: 'the flylint.environment setting' } : {}),
      ...(settings.privateApp ? { privateApp: true } : {}),
    };
  }

  function stateOf(document: TextDocument): DocumentState {
    const cached = states.get(document.uri);
    const text = document.getText();
    // The text is compared too: a client may number a later change like an earlier one.
    if (cached && cached.version === document.version && cached.file.text === text && cached.configGeneration === configGeneration) return cached;
    const path = pathOf(document.uri);
    const file = analyze(text, path ?? document.uri, optionsFor(path));
    // Private apps may be named by their app name in .flylint.toml: the lint options need the analysis.
    const state: DocumentState = { version: document.version, configGeneration, file, index: new LineIndex(text), options: optionsFor(path, file.config.appName), served: isFlyConfigDocument(path, file.value, path !== undefined && workspace.isFlyConfig(path)) };
    states.set(document.uri, state);
    return state;
  }

  /** The files around a config: open documents first, then disk, inside its workspace folder. Made per use: never stale. */
  function viewFor(path: string | undefined): ProjectView | undefined {
    if (!path) return undefined;
    return editorProjectView(path, projectRootOf(path), files, (other) => documents.get(pathToFileURL(other).href)?.getText());
  }

  function projectRootOf(path: string): string {
    return workspace.rootOf(path) ?? dirname(path);
  }

  function withView(options: LintOptions, path: string | undefined): LintOptions {
    const projectView = viewFor(path);
    return projectView ? { ...options, projectView } : options;
  }

  /** The open fly configs with their project roots, for deciding which file events matter. */
  function openConfigs(): Array<{ path: string; root: string; file: AnalyzedFile }> {
    return documents.all().flatMap((d) => {
      const path = pathOf(d.uri);
      if (!path) return [];
      const state = stateOf(d);
      return state.served ? [{ path, root: projectRootOf(path), file: state.file }] : [];
    });
  }

  function openPaths(): string[] {
    return documents.keys().flatMap((uri) => pathOf(uri) ?? []);
  }

  function siblingsOf(path: string | undefined): AnalyzedFile[] {
    if (!path) return [];
    const out: AnalyzedFile[] = [];
    for (const other of workspace.projectFiles(path, openPaths())) {
      const open = documents.get(pathToFileURL(other).href);
      // An open sibling's own analysis serves: a second copy per open file doubled the memory of a project.
      if (open) {
        siblingCache.delete(other);
        out.push(stateOf(open).file);
        continue;
      }
      const text = workspace.savedText(other);
      if (text === undefined) continue;
      let cached = siblingCache.get(other);
      if (!cached || cached.text !== text || cached.configGeneration !== configGeneration) {
        cached = { text, configGeneration, file: analyze(text, other, optionsFor(other)) };
        siblingCache.set(other, cached);
      }
      out.push(cached.file);
    }
    return out;
  }

  function findingsOf(document: TextDocument): { state: DocumentState; findings: Finding[] } {
    const state = stateOf(document);
    const generation = `${projectGeneration}:${configGeneration}`;
    if (state.findings?.generation !== generation) {
      const path = pathOf(document.uri);
      state.findings = { generation, list: state.served ? lintAnalyzed(state.file, siblingsOf(path), withView(state.options, path)) : [] };
    }
    return { state, findings: state.findings.list };
  }

  function diagnosticsOf(document: TextDocument) {
    if (!settings.enable) return [];
    return guard('diagnostics', [], () => {
      const { state, findings } = findingsOf(document);
      return toDiagnostics(findings, state.index, document.uri, document.version);
    });
  }

  /** `.flylint.toml` files that cannot be used get their errors as diagnostics (sent when that set changes). */
  let reportedConfigProblems = '';
  function publishConfigProblems(): void {
    const problems = workspace.configProblems();
    const signature = JSON.stringify(problems);
    if (signature === reportedConfigProblems) return;
    reportedConfigProblems = signature;
    const current = new Map(problems.map((p) => [pathToFileURL(p.filePath).href, p.errors]));
    for (const uri of configUrisWithProblems) {
      if (!current.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    configUrisWithProblems.clear();
    for (const [uri, errors] of current) {
      configUrisWithProblems.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(errors) });
      log(`${fileURLToPath(uri)}: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
    }
  }

  /** What was last pushed per document, so a re-check that changes nothing sends nothing. */
  const published = new Map<string, string>();
  function publish(document: TextDocument, onlyIfChanged = false): void {
    if (pull) return;
    const diagnostics = diagnosticsOf(document);
    const signature = `${document.version}:${contentGeneration.get(document.uri) ?? 0}:${JSON.stringify(diagnostics)}`;
    // Loading the settings after initialization, a didChangeConfiguration with the same settings, a
    // file event: each re-checks every open document, and a client shown the same list twice flickers.
    if (onlyIfChanged && published.get(document.uri) === signature) return;
    published.set(document.uri, signature);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** Isolation findings of the other open configs may have changed with this one. */
  function scheduleProject(except?: string): void {
    if (projectTimer) clearTimeout(projectTimer);
    projectTimer = setTimeout(() => {
      projectTimer = undefined;
      guard('project check', undefined, () => {
        const others = documents.all().filter((d) => d.uri !== except);
        if (others.length === 0) return;
        if (pull) {
          if (canRefresh) connection.languages.diagnostics.refresh().catch((error: unknown) => log(`diagnostic refresh failed: ${String(error)}`));
          return;
        }
        for (const other of others) publish(other, true);
      });
    }, PROJECT_DELAY_MS);
  }

  function revalidateAll(): void {
    guard('revalidation', undefined, () => {
      if (pull) {
        if (canRefresh) connection.languages.diagnostics.refresh().catch((error: unknown) => log(`diagnostic refresh failed: ${String(error)}`));
      } else {
        for (const document of documents.all()) publish(document, true);
      }
      publishConfigProblems();
    });
  }

  async function loadSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'flylint' }])) as unknown[];
      settings = readSettings(section);
    } catch (error) {
      log(`could not read the settings: ${String(error)}`);
    }
  }

  function settingsChanged(): void {
    configGeneration++;
    siblingCache.clear();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps: ClientCapabilities = params.capabilities ?? {};
    canConfigure = caps.workspace?.configuration === true;
    canWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = caps.workspace?.workspaceFolders === true;
    pull = caps.textDocument?.diagnostic !== undefined;
    canRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    completionOptions = {
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      retrigger: /code|codium|cursor|windsurf/i.test(params.clientInfo?.name ?? ''),
    };
    hoverFormat = formatFor(caps.textDocument?.hover?.contentFormat);
    completionDocFormat = formatFor(caps.textDocument?.completion?.completionItem?.documentationFormat);
    multilineTokens = caps.textDocument?.semanticTokens?.multilineTokenSupport === true;
    if (params.initializationOptions !== undefined && params.initializationOptions !== null) settings = readSettings(params.initializationOptions);
    guard('workspace scan', undefined, () => {
      const folders = (params.workspaceFolders ?? []).flatMap((f) => pathOf(f.uri) ?? []);
      const rootUri = params.rootUri ? pathOf(params.rootUri) : undefined;
      workspace.setRoots(folders.length ? folders : rootUri ? [rootUri] : []);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '=', ' ', '"', '.', ','] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        definitionProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        inlayHintProvider: true,
        renameProvider: { prepareProvider: true },
        referencesProvider: true,
        documentHighlightProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(pull ? { diagnosticProvider: { identifier: 'flylint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'flylint', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    guard('initialization', undefined, () => {
      if (canFollowFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          guard('workspace folders', undefined, () => {
            const removed = new Set(event.removed.flatMap((f) => pathOf(f.uri) ?? []));
            const added = event.added.flatMap((f) => pathOf(f.uri) ?? []);
            workspace.setRoots([...workspace.folders.filter((r) => !removed.has(r)), ...added]);
            siblingCache.clear();
            projectGeneration++;
          });
          revalidateAll();
        });
      }
      if (canWatch) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/fly*.toml' }, { globPattern: '**/.flylint.toml' }, ...projectFilesWatched] })
          .catch((error: unknown) => log(`could not watch files: ${String(error)}`));
      }
    });
    if (canConfigure) {
      await loadSettings();
      settingsChanged();
      revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (params) => {
    if (canConfigure) await loadSettings();
    else if (params?.settings !== undefined && params.settings !== null) settings = readSettings(params.settings);
    settingsChanged();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    guard('file event', undefined, () => {
      for (const change of params.changes ?? []) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (isConfigFilePath(path)) {
          workspace.forgetConfigs();
          settingsChanged();
        } else if (workspace.isFlyConfig(path)) {
          workspace.updateSaved(path, change.type === FileChangeType.Deleted ? undefined : files.readFile(path));
          projectGeneration++;
        } else if (isProjectFileEvent(path, openConfigs())) {
          // A file a config names, or a Dockerfile, appeared, changed or went away.
          projectGeneration++;
        }
      }
    });
    revalidateAll();
  });

  documents.onDidChangeContent((event) => {
    const document = event.document;
    contentGeneration.set(document.uri, (contentGeneration.get(document.uri) ?? 0) + 1);
    projectGeneration++;
    if (isSuperseded(document.uri, document.version)) return;
    publish(document);
    if (pathOf(document.uri)) scheduleProject(document.uri);
    guard('config problems', undefined, publishConfigProblems);
  });

  documents.onDidSave((event) => {
    const path = pathOf(event.document.uri);
    if (path) workspace.updateSaved(path, event.document.getText());
    publish(event.document);
  });

  documents.onDidClose((event) => {
    states.delete(event.document.uri);
    published.delete(event.document.uri);
    sentTokens.delete(event.document.uri);
    contentGeneration.delete(event.document.uri);
    projectGeneration++;
    if (!pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    if (pathOf(event.document.uri)) scheduleProject(event.document.uri);
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !settings.enable) return [];
    return guard('code actions', [] as CodeAction[], () => {
      const only = params.context?.only;
      const wants = (kind: string) => !only || only.some((filter) => kindMatches(kind, filter));
      const state = stateOf(document);
      if (!state.served) return [];
      const target = { uri: document.uri, text: document.getText(), version: document.version, doc: state.file.doc };
      // The fixes of the current text, whatever diagnostics (stale, or none) the client sends.
      const current = () => toDiagnostics(findingsOf(document).findings, state.index, document.uri, document.version);
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(target, diagnosticsFor(current(), params.range, params.context?.diagnostics ?? [])) : [];
      if (wants(FIX_ALL_KIND)) {
        const path = pathOf(document.uri);
        const { findings } = findingsOf(document);
        const siblings = siblingsOf(path);
        const options = withView(state.options, path);
        const lint = (text: string) => (text === target.text ? findings : lintAnalyzed(analyze(text, state.file.filePath, state.options), siblings, options));
        const fixAll = fixAllAction(target, lint);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    });
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: 'full' as const, items: [] };
    const resultId = `${document.version}:${contentGeneration.get(document.uri) ?? 0}:${projectGeneration}:${configGeneration}:${settings.enable}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged' as const, resultId };
    const items = diagnosticsOf(document);
    guard('config problems', undefined, publishConfigProblems);
    return { kind: 'full' as const, resultId, items };
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('hover', null, () => {
      const state = stateOf(document);
      if (!state.served) return null;
      const offset = document.offsetAt(params.position);
      const shown = hover(state.file, offset, state.index, secretsOf(state.file, state.options), hoverFormat);
      const view = viewFor(pathOf(document.uri));
      const image = view ? internalPortHover(state.file, offset, view) : undefined;
      if (!image) return shown;
      if (!shown) return { contents: markupFor(image, hoverFormat) };
      const contents = shown.contents as { kind: 'markdown' | 'plaintext'; value: string };
      const added = contents.kind === 'plaintext' ? plainText(image) : image;
      return { ...shown, contents: { ...contents, value: `${contents.value}\n\n${added}` } };
    });
  });

  connection.onDocumentLinks((params) => {
    const document = documents.get(params.textDocument.uri);
    const path = document ? pathOf(document.uri) : undefined;
    if (!document || !path) return [];
    return guard('document links', [], () => {
      const state = stateOf(document);
      const view = viewFor(path);
      if (!state.served || !view) return [];
      const root = projectRootOf(path);
      return documentLinks(state.file, view, state.index, (target) => pathToFileURL(absoluteIn(root, target)).href);
    });
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('completion', [], () => {
      const state = stateOf(document);
      if (!state.served) return [];
      return withDocumentationFormat(complete(state.file, document.offsetAt(params.position), state.index, completionOptions), completionDocFormat);
    });
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('document symbols', [], () => {
      const state = stateOf(document);
      if (!state.served) return [];
      return (state.symbols ??= documentSymbols(state.file.doc, state.file.text, state.index));
    });
  });

  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('folding ranges', [], () => {
      const state = stateOf(document);
      if (!state.served) return [];
      return (state.folding ??= foldingRanges(state.file.doc, state.index));
    });
  });

  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('definition', null, () => {
      const state = stateOf(document);
      if (!state.served) return null;
      return definition(state.file, document.uri, document.offsetAt(params.position), state.index);
    });
  });

  function tokensOf(document: TextDocument): number[] | undefined {
    const state = stateOf(document);
    if (!state.served) return undefined;
    return (state.tokens ??= semanticTokens(state.file, state.index, multilineTokens));
  }

  function sendTokens(uri: string, data: number[]): { resultId: string; data: number[] } {
    const sent = { resultId: String(++tokenResults), data };
    sentTokens.set(uri, sent);
    return sent;
  }

  connection.languages.semanticTokens.on((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    return guard<SemanticTokens>('semantic tokens', { data: [] }, () => {
      const data = tokensOf(document);
      return data ? sendTokens(document.uri, data) : { data: [] };
    });
  });

  connection.languages.semanticTokens.onDelta((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    return guard<SemanticTokens | SemanticTokensDelta>('semantic tokens', { data: [] }, () => {
      const data = tokensOf(document);
      if (!data) return { data: [] };
      const previous = sentTokens.get(document.uri);
      const sent = sendTokens(document.uri, data);
      if (previous?.resultId !== params.previousResultId) return sent;
      return { resultId: sent.resultId, edits: tokenEdits(previous.data, sent.data) };
    });
  });

  connection.languages.semanticTokens.onRange((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    return guard<SemanticTokens>('semantic tokens', { data: [] }, () => {
      const data = tokensOf(document);
      return { data: data ? tokensInLines(data, params.range.start.line, params.range.end.line) : [] };
    });
  });

  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('inlay hints', [], () => {
      const state = stateOf(document);
      if (!state.served) return [];
      return inlayHints(state.file, state.index, document.offsetAt(params.range.start), document.offsetAt(params.range.end));
    });
  });

  connection.onPrepareRename((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('prepare rename', null, () => {
      const state = stateOf(document);
      return state.served ? prepareRename(state.file, state.index, document.offsetAt(params.position)) : null;
    });
  });

  connection.onRenameRequest((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('rename', null, () => {
      const state = stateOf(document);
      return state.served ? rename(state.file, state.index, document.uri, document.offsetAt(params.position), params.newName) : null;
    });
  });

  connection.onReferences((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('references', [], () => {
      const state = stateOf(document);
      return state.served ? references(state.file, state.index, document.uri, document.offsetAt(params.position), params.context?.includeDeclaration !== false) : [];
    });
  });

  connection.onDocumentHighlight((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('document highlights', [], () => {
      const state = stateOf(document);
      return state.served ? documentHighlights(state.file, state.index, document.offsetAt(params.position)) : [];
    });
  });
  // Formatting: the project's [format] from .flylint.toml, then the editor's indentation.
  const formatting = (uri: string, editor: FormattingOptions | undefined, range?: Range): TextEdit[] | null => {
    const document = documents.get(uri);
    if (!document) return null;
    return guard('formatting', null, () => {
      const state = stateOf(document);
      if (!state.served) return null;
      const path = pathOf(uri);
      const style = styleFor(path ? formatOptionsOf(workspace.configsFor(path)) : {}, editor);
      return formattingEdits(state.file.parse, state.index, style, range);
    });
  };
  connection.onDocumentFormatting((params) => formatting(params.textDocument.uri, params.options));
  connection.onDocumentRangeFormatting((params) => formatting(params.textDocument.uri, params.options, params.range));

  documents.listen(connection);
  connection.listen();
}

/** Runs the server on a pair of streams (standard streams, or in-memory ones in tests). */
export function listen(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: Omit<ServerOptions, 'isSuperseded'> & { maxMessageBytes?: number; onInputEnd?: () => void } = {},
): Connection {
  const changes = new ChangeQueue();
  const inputEnd = options.onInputEnd ? new InputEnd(options.onInputEnd) : undefined;
  const writer = new FrameWriter(output, inputEnd);
  if (inputEnd) input.on('end', () => inputEnd.inputEnded());
  // Problems with what the client sent go to its log: the connection is not up yet when framing fails.
  const report = (problem: string) => {
    writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 2, message: `[flylint] ${problem}` } } as Message).catch(() => undefined);
  };
  const lifecycle = new Lifecycle(writer, report);
  const reader = gateReader(new FrameReader(input, report, options.maxMessageBytes, !inputEnd), (message) => {
    if (!lifecycle.admit(message)) return false;
    changes.note(message);
    inputEnd?.admitted(message);
    return true;
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const { maxMessageBytes: _ignored, onInputEnd: _handled, ...serverOptions } = options;
  startServer(connection, { ...serverOptions, isSuperseded: (uri, version) => changes.isSuperseded(uri, version) });
  return connection;
}
