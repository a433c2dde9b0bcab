import type { LibraryTable } from './packageRefs';
import { PKG } from './imports';
import { ServerKind } from './serverBindings';

/** What a server method does. */
export type MethodRole =
  | 'serve'
  | 'close'
  | 'shutdown'
  | 'stop'
  | 'gracefulStop';

/** The server methods that matter, by server kind, and what each does. */
export const METHODS: Record<ServerKind, ReadonlyMap<string, MethodRole>> = {
  http: new Map([
    ['ListenAndServe', 'serve'],
    ['ListenAndServeTLS', 'serve'],
    ['Serve', 'serve'],
    ['ServeTLS', 'serve'],
    ['Close', 'close'],
    ['Shutdown', 'shutdown'],
  ]),
  grpc: new Map([
    ['Serve', 'serve'],
    ['Stop', 'stop'],
    ['GracefulStop', 'gracefulStop'],
  ]),
  // gin's Engine (Run, RunTLS, RunUnix, RunFd, RunListener, RunQUIC), echo's Echo (Start,
  // StartTLS, StartAutoTLS, StartServer, StartH2CServer; v5's StartConfig Start and StartTLS),
  // fiber's App (Listen, ListenTLS, ListenTLSWithCertificate, ListenMutualTLS,
  // ListenMutualTLSWithCertificate, Listener), and their drains.
  framework: new Map([
    ['Shutdown', 'shutdown'],
    ['ShutdownWithContext', 'shutdown'],
    ['ShutdownWithTimeout', 'shutdown'],
    ['Run', 'serve'],
    ['RunTLS', 'serve'],
    ['RunUnix', 'serve'],
    ['RunFd', 'serve'],
    ['RunListener', 'serve'],
    ['RunQUIC', 'serve'],
    ['Start', 'serve'],
    ['StartTLS', 'serve'],
    ['StartAutoTLS', 'serve'],
    ['StartServer', 'serve'],
    ['StartH2CServer', 'serve'],
    ['Listen', 'serve'],
    ['ListenTLS', 'serve'],
    ['ListenTLSWithCertificate', 'serve'],
    ['ListenMutualTLS', 'serve'],
    ['ListenMutualTLSWithCertificate', 'serve'],
    ['Listener', 'serve'],
  ]),
};

/** What `method` does on a server of `kind`, if it is one of the methods that matter. */
export function methodRole(
  kind: ServerKind,
  method: string,
): MethodRole | undefined {
  return METHODS[kind].get(method);
}

/** Names of the server methods the extractor looks for. */
export const SERVER_METHOD_NAMES = [
  ...new Set(Object.values(METHODS).flatMap(m => [...m.keys()])),
];

/** Names of the methods that drain a server of some kind (`Shutdown`, `GracefulStop`, …). */
export const DRAIN_METHOD_NAMES: ReadonlySet<string> = new Set(
  Object.values(METHODS).flatMap(m =>
    [...m].flatMap(([name, role]) =>
      role === 'shutdown' || role === 'gracefulStop' ? [name] : [],
    ),
  ),
);

/** The methods of `*http.Server` (net/http, Go 1.22): an interface of these may hold one. */
export const HTTP_SERVER_METHODS: ReadonlySet<string> = new Set([
  'Close',
  'ListenAndServe',
  'ListenAndServeTLS',
  'RegisterOnShutdown',
  'Serve',
  'ServeTLS',
  'SetKeepAlivesEnabled',
  'Shutdown',
]);

/** net/http functions and methods that serve. */
export const HTTP_SERVE_FUNCS = new Set([
  'ListenAndServe',
  'ListenAndServeTLS',
  'Serve',
  'ServeTLS',
]);

/** What a library function does with the `*http.Server` it is handed. */
export interface ServerFunc {
  role: 'serve' | 'shutdown';
  /** The argument that is the server. */
  server: number;
  /** For a shutdown: the argument that bounds the drain (a duration). */
  timeout?: number;
}

/**
 * Library functions that serve or drain an `*http.Server` handed to them, by import path:
 * prometheus/exporter-toolkit's `web.ListenAndServe(server, flags, logger)`,
 * `web.Serve(l, server, flags, logger)` and `web.ServeMultiple(listeners, server, flags, logger)`
 * end in its `Serve`/`ServeTLS`; ozzo-routing's
 * `GracefulShutdown(hs, timeout, logf)` waits for SIGINT or SIGTERM (see `SIGNAL_HELPERS`),
 * then calls `hs.Shutdown` with a context bounded by `timeout`.
 */
export const SERVER_FUNCS: LibraryTable<ServerFunc> = [
  {
    path: /^github\.com\/prometheus\/exporter-toolkit\/web$/,
    names: {
      ListenAndServe: { role: 'serve', server: 0 },
      Serve: { role: 'serve', server: 1 },
      ServeMultiple: { role: 'serve', server: 1 },
    },
  },
  {
    path: /^github\.com\/go-ozzo\/ozzo-routing(\/v\d+)?$/,
    names: { GracefulShutdown: { role: 'shutdown', server: 0, timeout: 1 } },
  },
];

/** A web framework's package: the type of its apps and the functions that make one. */
export interface Framework {
  types: readonly string[];
  constructors: readonly string[];
}

/**
 * The web frameworks whose apps serve, by import path: gin (`gin.New()`/`gin.Default()` give an
 * `*gin.Engine`), echo before modules (`github.com/labstack/echo`, v3), v4 and v5 (`echo.New()`
 * gives an `*echo.Echo`; v5 also serves through an `echo.StartConfig{…}`), and fiber v1, v2 and
 * v3 (`fiber.New()` gives an `*fiber.App`).
 */
export const FRAMEWORKS: Readonly<Record<string, Framework>> = {
  'github.com/gin-gonic/gin': {
    types: ['Engine'],
    constructors: ['Default', 'New'],
  },
  'github.com/labstack/echo': { types: ['Echo'], constructors: ['New'] },
  'github.com/labstack/echo/v4': { types: ['Echo'], constructors: ['New'] },
  'github.com/labstack/echo/v5': {
    types: ['Echo', 'StartConfig'],
    constructors: ['New'],
  },
  'github.com/gofiber/fiber': { types: ['App'], constructors: ['New'] },
  'github.com/gofiber/fiber/v2': { types: ['App'], constructors: ['New'] },
  'github.com/gofiber/fiber/v3': { types: ['App'], constructors: ['New'] },
};

/** The web frameworks' import paths. */
export const FRAMEWORK_PACKAGES: readonly string[] = Object.keys(FRAMEWORKS);

/** The packages outside the tree whose types are servers: net/http, grpc and the frameworks. */
export const SERVER_PACKAGES: ReadonlySet<string> = new Set([
  PKG.http,
  PKG.grpc,
  ...FRAMEWORK_PACKAGES,
]);
