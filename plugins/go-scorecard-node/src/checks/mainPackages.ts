import { GoFileFacts, ServerKind, ServiceFacts } from '../facts';
import { methodRole } from '../go/shutdownFacts';

/** A `package main` (its non-test files in one directory), the unit of the shutdown checks. */
export interface MainPackage {
  dir: string;
  files: GoFileFacts[];
}

/**
 * The main packages of a service, by directory, in path order. Server method calls on
 * struct fields declared as servers in another file of the package (`s.srv.Close()` in
 * main.go, `srv *http.Server` in server.go) are resolved here, as if one file held both.
 */
export function mainPackages(facts: ServiceFacts): MainPackage[] {
  const byDir = new Map<string, GoFileFacts[]>();
  for (const file of facts.goFiles) {
    if (file.packageName !== 'main' || file.isTest) continue;
    byDir.set(file.dir, [...(byDir.get(file.dir) ?? []), file]);
  }
  return [...byDir.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, files]) => {
      const fields = packageServerFields(files);
      return {
        dir,
        files: [...files]
          .sort((a, b) => a.path.localeCompare(b.path))
          .map(f => withFieldCalls(f, fields)),
      };
    });
}

function packageServerFields(files: GoFileFacts[]): Map<string, Set<ServerKind>> {
  const fields = new Map<string, Set<ServerKind>>();
  for (const file of files) {
    for (const [field, kinds] of Object.entries(file.serverFields)) {
      const set = fields.get(field) ?? new Set<ServerKind>();
      kinds.forEach(k => set.add(k));
      fields.set(field, set);
    }
  }
  return fields;
}

/** The file's facts with its method calls on the package's server fields added. */
function withFieldCalls(
  file: GoFileFacts,
  fields: Map<string, Set<ServerKind>>,
): GoFileFacts {
  const calls = file.unboundFieldCalls.filter(c => fields.has(c.field));
  if (!calls.length) return file;
  const merged: GoFileFacts = {
    ...file,
    serveCalls: [...file.serveCalls],
    httpServerCloseCalls: [...file.httpServerCloseCalls],
    httpServerShutdownCalls: [...file.httpServerShutdownCalls],
    grpcStopCalls: [...file.grpcStopCalls],
    grpcGracefulStopCalls: [...file.grpcGracefulStopCalls],
  };
  for (const { field, method, fatalWithoutErrServerClosed, ...ref } of calls) {
    for (const kind of fields.get(field)!) {
      switch (methodRole(kind, method)) {
        case 'serve':
          merged.serveCalls.push({
            kind: kind === 'http' ? 'http-server' : kind,
            fatalWithoutErrServerClosed: kind === 'http' && fatalWithoutErrServerClosed,
            ...ref,
          });
          break;
        case 'close':
          merged.httpServerCloseCalls.push(ref);
          break;
        case 'shutdown':
          merged.httpServerShutdownCalls.push(ref);
          break;
        case 'stop':
          merged.grpcStopCalls.push(ref);
          break;
        case 'gracefulStop':
          merged.grpcGracefulStopCalls.push(ref);
          break;
        default:
      }
    }
  }
  merged.serveCalls.sort((a, b) => a.line - b.line);
  return merged;
}

/** Whether the package handles SIGTERM (signal.Notify/NotifyContext with it, or with no list). */
export function handlesSigterm(pkg: MainPackage): boolean {
  return pkg.files.some(f => f.signalHandling.some(s => s.handlesSigterm));
}

/** How a package is named in messages. */
export function describePackage(pkg: MainPackage): string {
  return pkg.dir === '.' ? 'package main' : `package main in ${pkg.dir}/`;
}
