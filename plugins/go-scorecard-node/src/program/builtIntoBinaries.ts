/**
 * Whether `go build` puts a file into the service's binaries: not a `_test.go` file, nor one
 * its name or constraints leave out of a Linux build (`GoFileFacts.outOfBuild`: `_windows.go`,
 * `//go:build gofuzz`, `ignore`).
 */
export function builtIntoBinaries(file: {
  isTest: boolean;
  outOfBuild: boolean;
}): boolean {
  return !file.isTest && !file.outOfBuild;
}

/**
 * The declarations of one name that code in `from` sees: a name declared once per OS
 * (`signals_windows.go` and `signals_other.go`) is the one the build takes; all of them when the
 * build takes none (a file misread as left out still counts) or `from` is not built itself.
 */
export function declarationsBuiltWith<T>(
  from: { isTest: boolean; outOfBuild: boolean },
  decls: T[],
  fileOf: (d: T) => { isTest: boolean; outOfBuild: boolean },
): T[] {
  if (decls.length < 2 || !builtIntoBinaries(from)) return decls;
  const built = decls.filter(d => builtIntoBinaries(fileOf(d)));
  return built.length ? built : decls;
}
