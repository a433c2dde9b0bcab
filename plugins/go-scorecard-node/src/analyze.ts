import { ScanNote, ScanReport } from '@internal/plugin-go-scorecard-common';
import { BuildFileText, readBuildFiles } from './ci/buildFiles';
import { imagesBuiltBy, imagesBuiltIn } from './ci/builtImages';
import { jsonConfigValues, tomlConfigValues } from './config/configValues';
import { registeredChecks } from './checks';
import { InputFailure, runCheck } from './checkResult';
import { messageOf } from './text/messageOf';
import { decodeSource } from './decodeSource';
import {
  BuiltImage,
  GeneratedGoFile,
  GoModFile,
  GoWorkFile,
  GoSumEntry,
  ServiceFacts,
  serviceFacts,
} from './facts';
import { GoFactsCache } from './go/extraction/GoFactsCache';
import { GoFactsExtractor } from './go/extraction/GoFactsExtractor';
import { GoSourceFile } from './go/extraction/extractFiles';
import { ignoredByTidy } from './go/buildConstraints';
import { scanImports } from './go/imports';
import { generatedTypes } from './go/generatedTypes';
import { ServiceProgram } from './program/serviceProgram';
import {
  hasGeneratedGoName,
  hasGeneratedHeader,
  isGeneratedGo,
} from './generatedGo';
import { importRoots } from './gomod/importRoots';
import { parseGoMod } from './gomod/parseGoMod';
import { parseGoWork } from './gomod/parseGoWork';
import { parseGoSum } from './gomod/parseGoSum';
import { InputKind, inputKind } from './inputKind';
import { applyKustomizePatches } from './k8s/applyKustomizePatches';
import { ChartFile, HelmCharts, OTHER_VALUES } from './k8s/helm/helmCharts';
import { ManifestRead, readManifest } from './k8s/readManifest';
import { SourceTree } from './tree/SourceTree';
import {
  defaultOrgPolicy,
  OrgPolicy,
  POLICY_FILE,
  RepositoryWaiver,
} from './policy/policyTypes';
import { readRepositoryPolicy } from './policy/readRepositoryPolicy';
import { resolvePolicy, staleWaiverNote } from './policy/resolvePolicy';

/** Limits that keep one bad file from stalling or sinking a scan. */
export interface AnalyzerOptions {
  /** Files larger than this are skipped with a note. Default 2 MiB. */
  maxFileBytes?: number;
  /** Time budget for parsing one Go file. Default 5 s. */
  parseTimeoutMs?: number;
  /**
   * Told how long each phase of a scan took, in ms: `facts` (reading, parsing and extracting
   * every file) and `link` (linking the facts into a program and running the checks, which
   * follow values and calls through it). For benchmarks.
   */
  onPhase?: (phase: 'facts' | 'link', ms: number) => void;
  /**
   * Worker threads that read Go files' declarations, then parse and extract them
   * (`node:worker_threads`, one parser each), shared by concurrent scans. Default 0: everything on the calling thread. The results are
   * the same for any number. Call {@link Analyzer.close} to stop them.
   */
  workers?: number;
  /**
   * Scans with less Go than this (in UTF-16 code units) stay on the calling thread even with
   * workers, where handing files over costs more than it saves. Default 256 Ki.
   */
  poolThreshold?: number;
  /**
   * Where the facts of Go files are kept between scans, so that an unchanged file is not
   * parsed again (see `GoFactsCache`). None by default.
   */
  factsCache?: GoFactsCache;
  /** Told when the facts cache fails; the scan goes on, extracting the file instead. */
  onCacheError?: (error: unknown) => void;
  /**
   * The org policy that bounds each repository's `.go-scorecard.yaml` (longest waiver, checks
   * a repository may turn off, severity overrides). Default {@link defaultOrgPolicy}.
   */
  policy?: OrgPolicy;
  /** The clock waivers are judged by (their day is UTC). Default the system clock. */
  now?: () => Date;
}

const MiB = 1024 * 1024;
/** Files read at once while the tree is listed. */
const READ_AHEAD = 16;
/** Largest file of no known kind read to see whether it is a script or a Make fragment. */
const MAX_CANDIDATE_BYTES = 256 * 1024;
/**
 * Largest Go file over the size limit still read for its generated-code header (vfsgen's
 * `assets_vfsdata.go`, whose name says nothing); larger ones are told by name only.
 */
const MAX_GENERATED_READ_BYTES = 64 * 1024 * 1024;
/** How much of a file's start is searched for the generated-code header. */
const GENERATED_HEADER_BYTES = 64 * 1024;

/**
 * Runs every check of the catalog on a source tree. Create one per process and reuse it:
 * the Go parser is loaded once.
 */
export class Analyzer {
  private constructor(
    private readonly extractor: GoFactsExtractor,
    private readonly maxFileBytes: number,
    private readonly onPhase: AnalyzerOptions['onPhase'],
    private readonly policy: OrgPolicy,
    private readonly now: () => Date,
  ) {}

  static async create(options: AnalyzerOptions = {}): Promise<Analyzer> {
    const extractor = await GoFactsExtractor.create({
      parseTimeoutMs: options.parseTimeoutMs ?? 5000,
      workers: options.workers ?? 0,
      poolThreshold: options.poolThreshold,
      cache: options.factsCache,
      onCacheError: options.onCacheError,
    });
    return new Analyzer(
      extractor,
      options.maxFileBytes ?? 2 * MiB,
      options.onPhase,
      options.policy ?? defaultOrgPolicy,
      options.now ?? (() => new Date()),
    );
  }

  /** Stops the worker threads, if any; the analyzer must not be used afterwards. */
  async close(): Promise<void> {
    await this.extractor.close();
  }

  /**
   * Analyzes a tree. `root` is only echoed in the report. Never throws for bad input:
   * unreadable files become notes, and checks that depend on them report `error`.
   * Throws only when `signal` aborts.
   */
  async analyze(
    tree: SourceTree,
    root: string,
    signal?: AbortSignal,
  ): Promise<ScanReport> {
    const notes: ScanNote[] = [];
    const failures: InputFailure[] = [];
    const started = performance.now();
    let policyText: string | undefined;
    const facts = await this.collectFacts(
      tree,
      notes,
      failures,
      text => {
        policyText = text;
      },
      signal,
    );
    const extracted = performance.now();
    const program = ServiceProgram.link(facts);
    const policy = resolvePolicy(
      policyText === undefined ? undefined : readRepositoryPolicy(policyText),
      this.policy,
      this.now().toISOString().slice(0, 10),
    );
    const used = new Set<RepositoryWaiver>();
    const checks = registeredChecks.map(registered =>
      runCheck(
        registered,
        facts,
        program,
        failures,
        policy.forCheck(registered.check.id),
        used,
      ),
    );
    const policyNotes = [...policy.notes];
    for (const check of checks) {
      if (check.status === 'error') continue;
      for (const waiver of policy.forCheck(check.id).waivers)
        if (!used.has(waiver)) policyNotes.push(staleWaiverNote(waiver));
    }
    notes.push(...policyNotes.map(message => ({ path: POLICY_FILE, message })));
    this.onPhase?.('facts', extracted - started);
    this.onPhase?.('link', performance.now() - extracted);
    return {
      schemaVersion: 1,
      root,
      checks,
      ...(notes.length ? { notes } : {}),
    };
  }

  private async collectFacts(
    tree: SourceTree,
    notes: ScanNote[],
    failures: InputFailure[],
    onPolicy: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<ServiceFacts> {
    const facts = serviceFacts();
    const mods = new Map<string, GoModFile>();
    const workspaces: GoWorkFile[] = [];
    const sums = new Map<string, { path: string; entries: GoSumEntry[] }>();
    // Build files are read once every file is: a Makefile may include, and a script run, any file.
    const buildFiles: BuildFileText[] = [];
    const candidates: BuildFileText[] = [];
    // YAML files a GitLab pipeline may include (`include: local`).
    const yamlFiles: BuildFileText[] = [];
    // Images named by build configuration files (workflows, skaffold, compose, Tiltfile).
    const builtImages: BuiltImage[] = [];
    // Helm templates are read once every file is: they are rendered with their chart's values.
    const templates: ChartFile[] = [];
    const chartFiles: ChartFile[] = [];
    // Go files are parsed once every file is read: extraction looks for the names the tree declares.
    const goSources: GoSourceFile[] = [];
    // Generated Go files give only their imports (for `go-mod-untidy`) and struct types.
    const generatedGoFiles: GeneratedGoFile[] = [];
    // `KEY=VALUE` files, for the configMapGenerators of kustomizations.
    const envFiles = new Map<string, string>();

    // A file of a kind the checks read that is skipped (too large, binary, not UTF-8, unreadable)
    // may hide a finding: an input failure, so that the checks that read its kind report `error`.
    // A candidate is only maybe a build file, and an empty file hides nothing: notes only.
    const skip = (path: string, kind: InputKind, why: string, note = why) => {
      notes.push({ path, message: `skipped: ${note}` });
      if (kind !== 'candidate') failures.push({ kind, path, message: why });
    };
    const tooLarge = (
      path: string,
      kind: InputKind,
      size: number,
      data?: Buffer,
    ) => {
      const note = `${size} bytes is over the ${this.maxFileBytes}-byte limit`;
      // A generated Go file is never read for the checks: too large, it hides nothing. It
      // says so by its name, or by the header before its package clause.
      let generated: string | undefined;
      if (kind === 'go' && hasGeneratedGoName(path)) generated = 'by its name';
      else if (
        kind === 'go' &&
        data &&
        hasGeneratedHeader(data.subarray(0, GENERATED_HEADER_BYTES).toString())
      )
        generated = 'by its header';
      if (generated) {
        notes.push({
          path,
          message: `skipped: ${note} (generated code, ${generated})`,
        });
        return;
      }
      skip(
        path,
        kind,
        `larger than the ${byteLimit(this.maxFileBytes)} limit`,
        note,
      );
    };

    // What a file gives is applied in the tree's order (the facts and notes are the same
    // whatever order reads finish in); up to READ_AHEAD reads are in flight meanwhile, so the
    // scan does not wait on each file's I/O in turn.
    const accept = (path: string, kind: InputKind, data: Buffer) => {
      const candidate = kind === 'candidate';
      if (data.length > this.maxFileBytes) {
        tooLarge(path, kind, data.length, data);
        return;
      }
      if (candidate && data.length > MAX_CANDIDATE_BYTES) return;
      const text = decodeSource(data);
      if (typeof text !== 'string') {
        if (text.skipped === 'empty file') {
          if (!candidate && kind !== 'go.sum')
            notes.push({ path, message: `skipped: ${text.skipped}` });
        } else if (!candidate) skip(path, kind, text.skipped);
        return;
      }
      builtImages.push(...imagesBuiltIn(path, text));
      try {
        switch (kind) {
          case 'go':
            if (!isGeneratedGo(text)) goSources.push({ path, text });
            else {
              const imports = scanImports(text);
              generatedGoFiles.push({
                path,
                dir: dirOf(path),
                buildIgnored: ignoredByTidy(text),
                imports,
                ...generatedTypes(path, text, imports),
              });
            }
            break;
          case 'go.mod':
            if (path === 'go.work' || path.endsWith('/go.work'))
              workspaces.push(parseGoWork(path, text));
            else mods.set(dirOf(path), parseGoMod(path, text));
            break;
          case 'go.sum':
            sums.set(dirOf(path), { path, entries: parseGoSum(text) });
            break;
          case 'ci':
            buildFiles.push({ path, text });
            break;
          case 'candidate':
            candidates.push({ path, text });
            break;
          case 'template':
            chartFiles.push({ path, text });
            break;
          case 'policy':
            onPolicy(text);
            break;
          case 'env':
            envFiles.set(path, text);
            break;
          case 'config':
            facts.configValues.push(
              ...(path.endsWith('.toml')
                ? tomlConfigValues(path, text)
                : jsonConfigValues(path, text)),
            );
            break;
          case 'manifest':
            if (/\.ya?ml$/.test(path)) yamlFiles.push({ path, text });
            if (isChartFile(path)) chartFiles.push({ path, text });
            if (text.includes('{{')) templates.push({ path, text });
            else
              addManifest(
                facts,
                readManifest(path, text),
                path,
                notes,
                failures,
              );
            break;
          default:
        }
      } catch (e) {
        notes.push({ path, message: `not analyzed: ${messageOf(e)}` });
        failures.push({ kind, path, message: messageOf(e) });
      }
    };
    const pending: Promise<() => void>[] = [];
    for await (const entry of tree.entries(problem => notes.push(problem))) {
      signal?.throwIfAborted();
      const kind = inputKind(entry.path);
      if (!kind) continue;
      const { path } = entry;
      // A candidate is read only to see whether it is a build file: a large or binary one is not.
      const candidate = kind === 'candidate';
      if (
        candidate &&
        entry.size !== undefined &&
        entry.size > MAX_CANDIDATE_BYTES
      )
        continue;
      const size = entry.size;
      // A large Go file is still read, up to a bound, for its generated-code header.
      if (
        size !== undefined &&
        size > this.maxFileBytes &&
        (kind !== 'go' || size > MAX_GENERATED_READ_BYTES)
      ) {
        pending.push(Promise.resolve(() => tooLarge(path, kind, size)));
      } else {
        pending.push(
          entry.read().then(
            data => () => accept(path, kind, data),
            e => () => {
              if (!candidate) skip(path, kind, `cannot read: ${messageOf(e)}`);
            },
          ),
        );
      }
      while (pending.length > READ_AHEAD) (await pending.shift()!)();
    }
    for (const apply of pending) (await apply)();

    const charts = chartFiles.some(f => f.path.endsWith('Chart.yaml'))
      ? HelmCharts.fromFiles([...chartFiles, ...templates])
      : undefined;
    for (const { path, text } of templates) {
      try {
        addManifest(
          facts,
          readManifest(path, text, charts),
          path,
          notes,
          failures,
        );
      } catch (e) {
        notes.push({ path, message: `not analyzed: ${messageOf(e)}` });
        failures.push({ kind: 'manifest', path, message: messageOf(e) });
      }
    }
    for (const { path, message } of charts?.notes ?? [])
      notes.push({ path, message });

    const build = readBuildFiles(buildFiles, candidates, yamlFiles);
    facts.ciFiles.push(...build.paths);
    facts.ciCommands.push(...build.commands);
    facts.ciRelatedFiles = build.related;
    facts.ciFileKinds = build.kinds;
    facts.builtImages = [
      ...builtImages,
      ...imagesBuiltBy(facts.ciCommands),
      // A build file that could not be read may build any image: a build naming none.
      ...build.problems.map(({ path }) => ({ path, line: 1, snippet: '' })),
    ];
    for (const { path, message } of build.problems) {
      notes.push({ path, message: `not analyzed: ${message}` });
      failures.push({ kind: 'ci', path, message });
    }

    const extracted = await this.extractor.extract(
      goSources,
      signal,
      importRoots([...mods].map(([dir, mod]) => ({ dir, mod }))).roots,
    );
    extracted.forEach((result, i) => {
      const { path } = goSources[i];
      if ('error' in result) {
        notes.push({ path, message: `not analyzed: ${result.error}` });
        failures.push({ kind: 'go', path, message: result.error });
        return;
      }
      const goFacts = result.facts;
      facts.goFiles.push(goFacts);
      if (goFacts.syntaxErrorLine) {
        notes.push({
          path,
          message: `syntax error at line ${goFacts.syntaxErrorLine}; analyzed what parsed`,
        });
      }
    });

    for (const [dir, mod] of mods) {
      facts.modules.push({ dir, mod, sum: sums.get(dir) });
    }
    if (workspaces.length) facts.workspaces = workspaces;
    if (generatedGoFiles.length) facts.generatedGoFiles = generatedGoFiles;
    const kustomized = applyKustomizePatches(
      facts.workloads,
      facts.kustomize ?? [],
      envFiles,
    );
    facts.workloads = kustomized.workloads;
    facts.configMaps.push(...kustomized.configMaps);
    notes.push(...kustomized.notes);
    return facts;
  }
}

/**
 * Chart.yaml, values.yaml and a v1 chart's requirements.yaml: read as YAML, and kept to render
 * the chart's templates.
 */
function isChartFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^(Chart|values|requirements)\.ya?ml$/.test(name) || OTHER_VALUES.test(name)
  );
}

/** Adds what a YAML file holds to the facts; a workload it cannot understand is a manifest failure. */
function addManifest(
  facts: ServiceFacts,
  read: ManifestRead,
  path: string,
  notes: ScanNote[],
  failures: InputFailure[],
): void {
  if (read.isManifest) facts.manifestFiles.push(path);
  facts.workloads.push(...read.workloads);
  facts.configMaps.push(...read.configMaps);
  facts.configValues.push(...read.configValues);
  if (read.kustomize) (facts.kustomize ??= []).push(...read.kustomize);
  notes.push(...read.notes.map(message => ({ path, message })));
  if (read.failure)
    failures.push({ kind: 'manifest', path, message: read.failure });
}

/** A byte limit as written in messages: `2 MiB`, `64 KiB`, `1000-byte`. */
function byteLimit(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes}-byte`;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}
