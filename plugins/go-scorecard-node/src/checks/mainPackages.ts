import { GoFileFacts, ServiceFacts } from '../facts';

/** A `package main` (its non-test files in one directory), the unit of the shutdown checks. */
export interface MainPackage {
  dir: string;
  files: GoFileFacts[];
}

/** The main packages of a service, by directory, in path order. */
export function mainPackages(facts: ServiceFacts): MainPackage[] {
  const byDir = new Map<string, GoFileFacts[]>();
  for (const file of facts.goFiles) {
    if (file.packageName !== 'main' || file.isTest) continue;
    byDir.set(file.dir, [...(byDir.get(file.dir) ?? []), file]);
  }
  return [...byDir.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, files]) => ({
      dir,
      files: [...files].sort((a, b) => a.path.localeCompare(b.path)),
    }));
}

/** Whether the package handles SIGTERM (signal.Notify/NotifyContext with it, or with no list). */
export function handlesSigterm(pkg: MainPackage): boolean {
  return pkg.files.some(f => f.signalHandling.some(s => s.handlesSigterm));
}

/** How a package is named in messages. */
export function describePackage(pkg: MainPackage): string {
  return pkg.dir === '.' ? 'package main' : `package main in ${pkg.dir}/`;
}
