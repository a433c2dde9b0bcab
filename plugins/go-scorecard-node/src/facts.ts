/**
 * Facts: what the analyzer extracts from each file of a service, before any check runs.
 *
 * Each file is parsed once, its facts extracted, and its syntax tree freed; checks then
 * look only at facts (the split Tech Insights makes between fact retrievers and checks).
 * This keeps memory flat as a repository grows and lets cross-file checks (an env var in
 * a Deployment that reaches a gRPC dial in Go) join facts from different files.
 */

import {
  Callee,
  FuncFacts,
  GoProgramFacts,
  Owner,
  ReturnFacts,
  StatementPlace,
  TypeFacts,
  ValueExpr,
} from './programFacts';
import type { KustomizeFact } from './k8s/kustomizePatch';
import type { CiFileKind } from './ci/ciFileKind';

export type * from './programFacts';

/** A position in a file: path relative to the scanned root (POSIX), 1-based line, source snippet. */
export interface SourceRef {
  path: string;
  line: number;
  snippet: string;
}

/** A call in Go code. `callee` is the called expression as written: `grpc.Dial`, `srv.Close`, `s.grpc.Stop`. */
export interface CallRef extends SourceRef {
  callee: string;
  /** The top-level function holding the call, when the file's program facts know it. */
  owner?: Owner;
  /**
   * For a method called on a struct field (`s.srv.Close()`): the field, so that the link step
   * can check the server kind its name suggests against the field's declared type.
   */
  recvField?: { of: ValueExpr; name: string };
  /** Where the call sits in its top-level function's body (absent for a method value). */
  place?: StatementPlace;
}

/**
 * A cancel func of `context.With*` that its function discards or may lose (go vet's lostcancel):
 * `discarded` (assigned to `_`), `lost` (a path reaches the return at `atLine` without using it),
 * `reassigned` (assigned again at `atLine` before it is used), `unused` (never used at all, in
 * `main.main`). At the assignment (the call, when discarded).
 */
export interface CancelFact extends SourceRef {
  kind: 'discarded' | 'lost' | 'reassigned' | 'unused';
  /**
   * The function that returned the cancel func, for a discarded one: a context function
   * (`WithTimeout`), or, with `via`, a function of the tree as written (`util.WithDeadline`).
   */
  func?: string;
  /** The cancel variable's name. */
  name?: string;
  atLine?: number;
  /**
   * For a cancel func returned by a function or method of the tree, not by `context`: the
   * callee as the file reads it and the result index, which the checks confirm on the linked
   * program (see `owner`).
   */
  via?: { callee: Callee; index: number };
  /** The function (or -1, a package initializer) holding the call, for resolving `via`. */
  owner?: Owner;
}

/** An import spec of a Go file. `alias` is the local name when given (`_` and `.` included). */
export interface GoImport {
  path: string;
  alias?: string;
  line: number;
}

/** A string value in Go code or a manifest, with where it was written. */
export interface LocatedValue extends SourceRef {
  value: string;
}

/** A gRPC client dial: `grpc.Dial`, `DialContext` or `NewClient`, and where its target comes from. */
export interface DialTarget extends SourceRef {
  /**
   * `Dial`, `DialContext` or `NewClient`; a framework's constructor as written
   * (`transgrpc.DialInsecure`, `zrpc.MustNewClient`).
   */
  func: string;
  target: ValueExpr;
  /**
   * The call passes `grpc.WithContextDialer`/`WithDialer`: with the `passthrough` resolver (the
   * default of Dial and DialContext), the name goes to that dialer, not to a DNS lookup.
   */
  customDialer?: boolean;
  /** The function holding the call (see {@link Owner}). */
  owner?: Owner;
}

/** What a `Serve`-like call in a main package serves. */
export type ServeKind =
  | 'http-server' // ListenAndServe*/Serve* on an http.Server value
  | 'http-func' // the package function http.ListenAndServe*/http.Serve*
  | 'grpc' // Serve on a grpc.Server
  | 'framework'; // gin/echo/fiber Run/Start/Listen

/** A call that starts serving traffic. */
export interface ServeCall extends CallRef {
  kind: ServeKind;
  /**
   * For `http-server` calls: the returned error ends the process (log.Fatal, panic, os.Exit,
   * a logger's Fatal) without a comparison with http.ErrServerClosed.
   */
  fatalWithoutErrServerClosed: boolean;
  /**
   * For `http-server` calls: the error is returned, unchecked, from the top-level function that
   * holds the call (`return srv.ListenAndServe()`): fatal where a caller's
   * {@link GoFileFacts.fatalErrorCalls} ends the process on it.
   */
  errorReturned?: boolean;
  /**
   * For `http-server` calls: the error is handed, unchecked, to a call (`loggerx.ExitOnError(err,
   * "serve")`, by name, at a line, as argument `arg`): fatal where that callee is a function of
   * the tree that ends the process on that parameter ({@link GoFileFacts.exitOnErrorParams}).
   */
  errorHandedTo?: { name: string; line: number; arg: number };
}

/** What a server value is: an `http.Server`, a `grpc.Server`, or a gin/echo/fiber app. */
export type ServerKind = 'http' | 'grpc' | 'framework';

/**
 * A serve, stop or shutdown method called on a struct field that the file does not declare
 * as a server (`s.srv.Close()` with `srv *http.Server` declared in another file): resolved
 * against the package's {@link GoFileFacts.serverFields}.
 */
export interface FieldMethodCall extends CallRef {
  /** The field the method is called on (`srv` in `s.srv.Close()`); absent with `recv`. */
  field?: string;
  method: string;
  /**
   * For a method called on a local, parameter or receiver whose type its file cannot tell, in a
   * tree where some struct embeds a server: the receiver, which the link step types (the
   * method may be promoted from the embedded server).
   */
  recv?: ValueExpr;
  /** For `Close`: see {@link CloseCall.afterShutdown}. */
  afterShutdown?: boolean;
  /** For an HTTP serve method: its error ends the process without an ErrServerClosed check. */
  fatalWithoutErrServerClosed: boolean;
  /** For an HTTP serve method: see {@link ServeCall.errorReturned}. */
  errorReturned?: boolean;
}

/** `srv.Close()` on an http.Server. */
export interface CloseCall extends CallRef {
  /**
   * Every path of its function to the call passes a `Shutdown` call first: the net/http pattern
   * `if err := srv.Shutdown(ctx); err != nil { srv.Close() }`.
   */
  afterShutdown?: boolean;
  /**
   * The call hands the server to a helper that closes it (`util.CloseQuietly(h.srv)`): the
   * helper's `Close` call, found by the link step.
   */
  via?: { callee: string; path: string; line: number };
  /** With `via`: the last name of the server handed to the helper (`httpSrv` of `h.httpSrv`). */
  server?: string;
}

/**
 * A call made where a server's Shutdown returned an error (its `if err != nil` branch): a
 * function called only at such lines closes that server as the documented fallback.
 */
export interface ShutdownFallback {
  line: number;
  /** The last name of the Shutdown's receiver (`http` of `s.http.Shutdown(ctx)`). */
  server: string;
}

/**
 * A bound on a drain: the context handed to a server's `Shutdown` (`kind: 'context'`), or a
 * duration (`ShutdownWithTimeout(d)`, echo's `GracefulTimeout`, a timer raced against
 * `GracefulStop`).
 */
export interface ShutdownBound extends SourceRef {
  kind: 'context' | 'duration';
  value: ValueExpr;
  owner?: Owner;
  /**
   * For the bound of a drain call itself (`srv.Shutdown(ctx)`, `app.ShutdownWithTimeout(d)`),
   * where that call sits in its function's body: drains that run one after another each take
   * up to their own bound.
   */
  place?: StatementPlace;
}

/** A `signal.Notify` or `signal.NotifyContext` call. */
export interface SignalHandling extends SourceRef {
  owner?: Owner;
  /** Includes syscall.SIGTERM, or lists no signal at all (every signal). */
  handlesSigterm: boolean;
  /**
   * The signals are the owner function's parameter at this index (`func Wait(sigs
   * ...os.Signal) { signal.Notify(ch, sigs...) }`): whether a binary handles SIGTERM depends on
   * what its calls of the owner pass there (and after it, for a variadic parameter).
   */
  signalsFromParam?: number;
  /**
   * The signals are a package-level variable this file does not give a value
   * (`signal.Notify(ch, shutdownSignals...)` with the list in another file, `sig.Shutdown...` of
   * another package; `pkg` `''` is the file's own): the link step reads the list from the file
   * that declares it ({@link GoFileFacts.signalLists}). `handlesSigterm` is true until then.
   */
  signalsFromGlobal?: { pkg: string; name: string };
  /** Where the call sits in its top-level function's body. */
  place?: StatementPlace;
}

/** A package-level signal list (`var shutdownSignals = []os.Signal{…}`) or signal (`const Term = syscall.SIGTERM`). */
export interface SignalList {
  name: string;
  /** It lists SIGTERM, or a value that cannot be told (it may). */
  sigterm: boolean;
}

/**
 * What the analyzer reads of a generated Go file (`// Code generated … DO NOT EDIT.`). The checks
 * skip generated code, but `go mod tidy` and `go build` read its imports: `go-mod-untidy` does
 * too; and its struct types are the program's (a config struct protoc-gen-go writes, filled by a
 * config loader of the tree's own code).
 */
export interface GeneratedGoFile {
  path: string;
  /** Directory of the file relative to the root (`.` for the root). */
  dir: string;
  /** Left out of `go mod tidy` by its build constraints (see {@link GoFileFacts.buildIgnored}). */
  buildIgnored: boolean;
  imports: GoImport[];
  packageName: string;
  /** Its package-level struct type declarations (see `go/generatedTypes.ts`). */
  types: TypeFacts[];
  /** Its field getters (`func (x *T) GetAddr() string`), each returning its field. */
  funcs: FuncFacts[];
  /** The getters' returns (owner: the index in `funcs`). */
  returns: ReturnFacts[];
}

/** Facts of one Go file. */
export interface GoFileFacts {
  /** Declarations, calls and value flow of the file, for the link step (`program/`). */
  program: GoProgramFacts;
  path: string;
  /** Directory of the file relative to the root (`.` for the root): the Go package's identity. */
  dir: string;
  packageName: string;
  isTest: boolean;
  /**
   * The file's build constraints leave it out of `go mod tidy` (and of every build): they need
   * the `ignore` tag (`//go:build ignore`, `// +build ignore`) or do not parse. Its imports
   * need no requirement (see `go/buildConstraints.ts`).
   */
  buildIgnored: boolean;
  /**
   * `go build` leaves the file out of the service's Linux binaries: another OS's file name
   * suffix or constraints (`_windows.go`, `//go:build darwin`), `gofuzz`, `ignore`
   * (see `go/buildConstraints.ts`). Like a test file, nothing it writes reaches them.
   */
  outOfBuild: boolean;
  /** 1-based line of the first syntax error, when the file does not parse cleanly (what parsed is analyzed). */
  syntaxErrorLine?: number;
  imports: GoImport[];
  /** Cancel funcs discarded or possibly lost (`context-cancel-discarded`, `-not-called`). */
  cancels: CancelFact[];
  /** Number of `go` statements. */
  goStatements: number;
  /** References to goleak.VerifyTestMain or goleak.VerifyNone (called or deferred). */
  goleakVerifications: number;
  dialTargets: DialTarget[];
  /** Calls of grpc.Dial, grpc.DialContext, grpc.WithInsecure. */
  deprecatedDialCalls: CallRef[];
  /**
   * Serve calls in source order. Receivers (`srv.ListenAndServe()`) are servers when the same
   * file declares or assigns them as such (see `go/serverBindings.ts`); this and the stop,
   * close and shutdown calls below are extracted from every file, the shutdown checks read
   * them for `package main` only.
   */
  serveCalls: ServeCall[];
  signalHandling: SignalHandling[];
  /** The file's package-level signal lists, for handlers that name them from other files. */
  signalLists: SignalList[];
  /** `x.Close()` where x is an *http.Server (or http.Server). */
  httpServerCloseCalls: CloseCall[];
  /** `x.Shutdown(...)` where x is an *http.Server. */
  httpServerShutdownCalls: CallRef[];
  /**
   * `c.Close()` on parameter `param` of its top-level function, declared as an `io` closer
   * interface (`func CloseQuietly(c io.Closer)`): the link step finds the callers that hand it
   * an `*http.Server`.
   */
  paramCloseCalls: (CallRef & { param: number })[];
  /** A `grpc.NewServer(...)` call. */
  grpcServers: CallRef[];
  /** `x.Stop()` where x came from grpc.NewServer. */
  grpcStopCalls: CallRef[];
  /** `x.GracefulStop()` where x came from grpc.NewServer. */
  grpcGracefulStopCalls: CallRef[];
  /** Struct fields this file declares or fills as servers, with what they hold. */
  serverFields: Record<string, ServerKind[]>;
  /** Server method calls on fields this file does not know as servers. */
  unboundFieldCalls: FieldMethodCall[];
  /** What bounds the file's drains (followed through the program by `k8s-grace-period`). */
  shutdownBounds: ShutdownBound[];
  /** Calls whose error ends the process without a comparison with http.ErrServerClosed. */
  fatalErrorCalls: { line: number }[];
  /**
   * Parameters whose error their top-level function ends the process on (`func ExitOnError(err
   * error, …) { if err != nil { log.Fatal(…) } }`).
   */
  exitOnErrorParams: { owner?: Owner; param: number; line: number }[];
  /** Lines of the calls made where a server's Shutdown failed. */
  shutdownFallbacks: ShutdownFallback[];
}

/** A `require` line of go.mod. */
export interface GoModRequire {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

/** A `replace` line of go.mod. */
export interface GoModReplace {
  oldPath: string;
  oldVersion?: string;
  newPath: string;
  newVersion?: string;
  line: number;
}

/**
 * A go.work file: the module directories it `use`s (relative to the scanned root, `line` the
 * use line) and its `replace` lines, which override the go.mod replaces of those modules for
 * the same module (Go Modules Reference, go.work files).
 */
export interface GoWorkFile {
  path: string;
  /** Directory of go.work relative to the root. */
  dir: string;
  uses: { dir: string; line: number }[];
  replaces: GoModReplace[];
}

/** A `retract` line of go.mod: one version (`low` = `high`) or an interval. */
export interface GoModRetract {
  low: string;
  high: string;
  line: number;
}

/** A parsed go.mod. */
export interface GoModFile {
  path: string;
  module?: { path: string; line: number };
  goVersion?: string;
  /** The `toolchain` directive's value, e.g. `go1.23.1`. */
  toolchain?: string;
  requires: GoModRequire[];
  replaces: GoModReplace[];
  excludes: { path: string; version: string; line: number }[];
  retracts: GoModRetract[];
}

/** A line of go.sum. `goMod` is true for the `/go.mod` hash line. */
export interface GoSumEntry {
  path: string;
  version: string;
  goMod: boolean;
  line: number;
}

/** A Go module: its go.mod and, when present, its go.sum. */
export interface GoModule {
  /** Directory of go.mod relative to the root (`.` for the root). */
  dir: string;
  mod: GoModFile;
  sum?: { path: string; entries: GoSumEntry[] };
}

/**
 * One simple command of a shell script in a CI or build file. `line` is the line of the
 * command word (`go`, also after assignments and wrappers such as `sudo`).
 */
export interface ShellCommand extends SourceRef {
  /** Words after variable assignments and wrappers, quotes removed: `['go', 'install', 'x@v1']`. */
  argv: string[];
  /**
   * Variables the command runs with, as far as the file says: assignments before it
   * (`GO111MODULE=off go get ...`), `export`s earlier in the same script, Dockerfile
   * ENV/ARG of the stage.
   */
  env: Record<string, string>;
  /**
   * Where the command was expanded from, when that is not where it is written: the recipe line
   * `$(call go-get-tool,…)` of a Make `define` body's command, whose arguments gave its words.
   */
  calledFrom?: { path: string; line: number };
}

/** An env entry of a container. `value` is absent for `valueFrom`. */
export interface ContainerEnv {
  name: string;
  value?: LocatedValue;
  /** `valueFrom.configMapKeyRef`: the value is a ConfigMap's data entry. */
  configMapKeyRef?: { name: string; key: string };
  /** `valueFrom.fieldRef.fieldPath`: the pod's own field (`metadata.namespace`), at its line. */
  fieldRef?: LocatedValue;
}

/** A value a configuration file or a ConfigMap's embedded file gives a key (`ledger.host: ledger-server`). */
export interface ConfigValue extends LocatedValue {
  /** The dotted key path, as viper and koanf read it (`ledger.host`). */
  key: string;
}

/** A ConfigMap: its data entries, for `envFrom` and `configMapKeyRef`. */
export interface ConfigMapFacts {
  name: string;
  ref: SourceRef;
  data: Record<string, LocatedValue>;
  /**
   * The root kustomization (its directory) whose `configMapGenerator`s made it: only that root's
   * workloads see it (theirs carry the same `overlay`). Unset for a ConfigMap manifest.
   */
  overlay?: string;
}

/** A container of a workload's pod template. */
export interface Container {
  name: string;
  /** Where the container's `name:` key is (the JSON6902 op, when one removed its preStop hook). */
  ref: SourceRef;
  /**
   * The container's `image:` as written (`ghcr.io/acme/ledger:1.2`, `ko://…`); absent when
   * missing or templated (a Helm action in it): then the image is unknown.
   */
  image?: string;
  /** Declares ports, or an httpGet/grpc/tcpSocket readiness or liveness probe. */
  servesTraffic: boolean;
  preStop?: {
    /** `sleep N` in an exec command, or `sleep.seconds`; undefined if neither. */
    sleepSeconds?: number;
    ref: SourceRef;
  };
  env: ContainerEnv[];
  /**
   * The words of the container's `command` and then its `args`, in order (those with a value the
   * analyzer can see): where a program's flags are set (`--users-addr=users:8080`).
   */
  args?: LocatedValue[];
  /** `envFrom` ConfigMaps: every data entry becomes an env var (after the prefix). */
  envFrom?: { configMap: string; prefix?: string }[];
  /**
   * The template lines (1-based, of the file) inside the container whose output the analyzer
   * cannot see (an `include` of a template the tree lacks): they may add fields (a preStop
   * hook, ports). Absent when there are none.
   */
  templated?: number[];
}

/** A Deployment, StatefulSet or DaemonSet. */
export interface Workload {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Rollout' | 'CloneSet';
  name: string;
  /** Where the document's `kind:` key is. */
  ref: SourceRef;
  terminationGracePeriodSeconds?: { value: number; ref: SourceRef };
  /** `spec.template.spec.dnsConfig.options` ndots, when set. */
  ndots?: number;
  containers: Container[];
  /**
   * The template lines (1-based, of the file) in the pod spec whose output the analyzer cannot
   * see, or where terminationGracePeriodSeconds or ndots has an unknown templated value. A
   * check that would need what they hide is undecided. Absent when there are none.
   */
  templated?: number[];
  /**
   * A Kustomize strategic-merge patch: no container declares an `image`. Merged into the
   * workload of the same kind and name by `mergeKustomizePatches`, dropped when none.
   */
  patch?: boolean;
  /**
   * The folder of the root kustomization (one no other kustomization includes) this copy was
   * rendered for, `deploy/overlays/prod` (`.` at the top): a workload of a file kustomizations
   * include is judged once per root that includes it, with the patches of every kustomization
   * on the way applied (`applyKustomizePatches`). Absent for a workload of a file no root
   * includes (plain manifests, Helm templates), judged as written.
   */
  overlay?: string;
}

/** Everything the analyzer knows about one service before the checks run. */
export interface ServiceFacts {
  goFiles: GoFileFacts[];
  modules: GoModule[];
  /** go.work files (absent when not read: facts made by hand). */
  workspaces?: GoWorkFile[];
  /** The imports and struct types of the generated Go files, which no other fact holds (absent when none). */
  generatedGoFiles?: GeneratedGoFile[];
  /** Paths of the CI and build files read (workflows, Makefiles, Dockerfiles, scripts). */
  ciFiles: string[];
  ciCommands: ShellCommand[];
  /**
   * For a CI/build file, the other files whose commands run in the same build: the Makefiles
   * its includes connect it to, and the files that run it by path, with theirs (see
   * `ci/buildFiles.ts`). Absent when not read (facts made by hand).
   */
  ciRelatedFiles?: Record<string, string[]>;
  /**
   * How each CI/build file was read (`makefile`, `shell`, `github-actions`, …): a file a
   * Makefile includes is a Makefile whatever its name. Absent when not read (facts made by hand).
   */
  ciFileKinds?: Record<string, CiFileKind>;
  /** Paths of YAML files holding at least one Kubernetes object. */
  manifestFiles: string[];
  workloads: Workload[];
  /** ConfigMaps of the manifests. */
  configMaps: ConfigMapFacts[];
  /** Values of configuration files (non-Kubernetes YAML, JSON) and of files embedded in ConfigMaps. */
  configValues: ConfigValue[];
  /** Kustomizations and JSON6902 patch files, applied to `workloads` once every file is read. */
  kustomize?: KustomizeFact[];
  /**
   * The images the repository's build and CI files build, tag or push (see
   * `ci/builtImages.ts`); absent when not read (facts made by hand).
   */
  builtImages?: BuiltImage[];
}

/**
 * An image a build or CI file builds, tags or pushes (`docker build -t`, `docker tag`,
 * build-push-action `tags`, skaffold artifacts, compose `build:`, Tiltfile `docker_build`).
 */
export interface BuiltImage extends SourceRef {
  /**
   * The image as written, Make and shell variables expanded where the file sets them
   * (`ghcr.io/acme/ledger:${TAG}`); absent for a build that names no image the analyzer
   * can read (`docker build .`, `ko build`, a compose service without `image:`).
   */
  image?: string;
}

/** Facts of a service with the given parts and every other list empty (what a scan starts from). */
export function serviceFacts(parts: Partial<ServiceFacts> = {}): ServiceFacts {
  return {
    goFiles: [],
    modules: [],
    ciFiles: [],
    ciCommands: [],
    manifestFiles: [],
    workloads: [],
    configMaps: [],
    configValues: [],
    ...parts,
  };
}
