// The convention go generate tools follow (https://go.dev/s/generatedcode): a line
// matching this, anywhere before the package clause.
const generatedLine = /^\/\/ Code generated .* DO NOT EDIT\.$/;

/** True when a Go file declares itself generated before its package clause. */
export function isGeneratedGo(source: string): boolean {
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end).replace(/\r$/, '');
    if (generatedLine.test(line)) return true;
    if (line.startsWith('package ')) return false;
    start = end + 1;
  }
  return false;
}

/**
 * The file names code generators give Go files (protoc-gen-go `x.pb.go`, grpc-gateway
 * `x.pb.gw.go`, Kubernetes' `zz_generated.deepcopy.go` and `generated.pb.go`,
 * go-bindata's `bindata.go`, oapi-codegen and friends' `x.gen.go`, `x_generated.go`).
 * Used only for files too large to read: a huge generated file is skipped without
 * making the Go checks report error, as a read one would be ignored by
 * {@link isGeneratedGo}.
 */
export function hasGeneratedGoName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /(^zz_generated.*|\.pb(\.gw|\.validate)?|\.gen|_generated|^generated(\.pb)?|^bindata)\.go$/.test(
    name,
  );
}
