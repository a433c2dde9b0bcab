import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A deterministic pseudo-random generator (mulberry32), so every run scans the same corpus. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T =>
  xs[Math.floor(r() * xs.length)];

/** One Go function of a realistic mix: handlers, context use (right and wrong), loops, goroutines, dials. */
function goFunction(r: Rand, name: string): string {
  const kinds = [
    () => `func (s *Server) ${name}(ctx context.Context, req *Request) (*Response, error) {
\tctx, cancel := context.WithTimeout(ctx, ${
      1 + Math.floor(r() * 9)
    }*time.Second)
\tdefer cancel()
\tif req == nil {
\t\treturn nil, errors.New("nil request")
\t}
\tresp, err := s.store.Get(ctx, req.ID)
\tif err != nil {
\t\treturn nil, fmt.Errorf("${name}: %w", err)
\t}
\treturn &Response{ID: resp.ID, Total: resp.Total * ${Math.floor(
      r() * 100,
    )}}, nil
}
`,
    () => `func ${name}(parent context.Context, items []Item) int {
\tctx, _ := context.WithCancel(parent)
\ttotal := 0
\tfor i, it := range items {
\t\tswitch {
\t\tcase it.Qty > ${Math.floor(r() * 50)}:
\t\t\ttotal += it.Qty * i
\t\tcase it.Qty < 0:
\t\t\tcontinue
\t\tdefault:
\t\t\ttotal++
\t\t}
\t}
\tgo func() { <-ctx.Done() }()
\treturn total
}
`,
    () => `func ${name}(ctx context.Context, ids []string) error {
\tctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
\tif len(ids) == 0 {
\t\treturn nil
\t}
\tdefer cancel()
\tvar wg sync.WaitGroup
\tfor _, id := range ids {
\t\twg.Add(1)
\t\tgo func(id string) {
\t\t\tdefer wg.Done()
\t\t\t_ = process(ctx, id)
\t\t}(id)
\t}
\twg.Wait()
\treturn nil
}
`,
    () => `func (h *Handler) ${name}(w http.ResponseWriter, r *http.Request) {
\tvar payload struct {
\t\tName  string \`json:"name"\`
\t\tCount int    \`json:"count"\`
\t}
\tif err := json.NewDecoder(r.Body).Decode(&payload); err != nil {
\t\thttp.Error(w, err.Error(), http.StatusBadRequest)
\t\treturn
\t}
\tselect {
\tcase <-r.Context().Done():
\t\treturn
\tcase h.queue <- payload.Name:
\t}
\tw.WriteHeader(http.StatusAccepted)
}
`,
    () => `func ${name}(addr string) (*grpc.ClientConn, error) {
\tconn, err := grpc.NewClient(${pick(r, [
      '"inventory:8080"',
      'addr',
      '"dns:///pricing.shop.svc.cluster.local.:443"',
    ])},
\t\tgrpc.WithTransportCredentials(insecure.NewCredentials()))
\tif err != nil {
\t\treturn nil, err
\t}
\treturn conn, nil
}
`,
  ];
  return pick(r, kinds)();
}

function goFile(
  r: Rand,
  pkg: string,
  index: number,
  targetBytes: number,
): string {
  let out = `package ${pkg}

import (
\t"context"
\t"encoding/json"
\t"errors"
\t"fmt"
\t"net/http"
\t"sync"
\t"time"

\t"google.golang.org/grpc"
\t"google.golang.org/grpc/credentials/insecure"
)

// Item is a line of an order.
type Item struct {
\tSKU string
\tQty int
}

var _ = fmt.Sprintf
`;
  let n = 0;
  while (out.length < targetBytes) {
    out += `\n// F${index}x${n} does a part of the ${pkg} work.\n${goFunction(
      r,
      `F${index}x${n}`,
    )}`;
    n++;
  }
  return out;
}

const mainGo = (name: string) => `package main

import (
\t"context"
\t"errors"
\t"log"
\t"net/http"
\t"os/signal"
\t"syscall"
\t"time"
)

func main() {
\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
\tdefer stop()
\tsrv := &http.Server{Addr: ":8080", Handler: http.NewServeMux()}
\tgo func() {
\t\tif err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
\t\t\tlog.Fatal(err)
\t\t}
\t}()
\t<-ctx.Done()
\tshutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
\tdefer cancel()
\tif err := srv.Shutdown(shutdownCtx); err != nil {
\t\tlog.Printf("${name}: shutdown: %v", err)
\t}
}
`;

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      terminationGracePeriodSeconds: 40
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.0.0
          ports: [{ containerPort: 8080 }]
          env:
            - name: INVENTORY_ADDR
              value: inventory:8080
          lifecycle:
            preStop:
              exec: { command: ["sleep", "5"] }
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: 8080 }]
`;

const workflow = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: tools
        run: |
          go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.34.2
          go get -u github.com/golang/mock/mockgen
      - run: go test -race ./...
`;

const makefile = `BIN := bin/app

build:
\tGO111MODULE=on go build -o $(BIN) ./cmd/app

tools:
\tgo install github.com/golangci/golangci-lint/cmd/golangci-lint@latest && \\
\t  go install golang.org/x/tools/cmd/goimports@v0.24.0
`;

const goMod = (name: string) => `module example.com/${name}

go 1.22

require (
\tgoogle.golang.org/grpc v1.64.0
\tgoogle.golang.org/protobuf v1.34.2
)
`;

const goSum = `google.golang.org/grpc v1.64.0 h1:KH3VH9y/MgNQg1dE7b3XfVK0GsPSIzJwdF617gUSbvY=
google.golang.org/grpc v1.64.0/go.mod h1:oxjF8E3FBnjp+/gVFYdWacaLDx9/1b7B3B5iLRUZXGY=
google.golang.org/protobuf v1.34.2 h1:6xV6lTsCfpGD21XK49h7MhtcApnLqkfYgPcdHftf6hg=
google.golang.org/protobuf v1.34.2/go.mod h1:qYOHts0dSfpeUzUFpOMr/WGzszTmLH/DiWiHI9A2IjQ=
`;

/** What a generated corpus holds. */
export interface CorpusStats {
  services: string[];
  files: number;
  goBytes: number;
  otherBytes: number;
}

/**
 * Writes `services` service folders under `root`, each ~`goBytesPerService` of Go in
 * 16 KiB..48 KiB files plus go.mod/go.sum, a Deployment, a workflow and a Makefile.
 */
export function generateCorpus(
  root: string,
  services: number,
  goBytesPerService: number,
  /** Size of each generated Go file: at least `min` bytes, plus up to `spread`. */
  fileBytes: { min: number; spread: number } = { min: 16384, spread: 32768 },
): CorpusStats {
  const r = random(42);
  const stats: CorpusStats = {
    services: [],
    files: 0,
    goBytes: 0,
    otherBytes: 0,
  };
  const write = (path: string, text: string, isGo: boolean) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    stats.files++;
    if (isGo) stats.goBytes += text.length;
    else stats.otherBytes += text.length;
  };
  for (let s = 0; s < services; s++) {
    const name = `svc-${String(s).padStart(4, '0')}`;
    const dir = join(root, name);
    stats.services.push(dir);
    write(join(dir, 'cmd', name, 'main.go'), mainGo(name), true);
    let bytes = 0;
    for (let f = 0; bytes < goBytesPerService; f++) {
      const pkg = `pkg${f % 4}`;
      const text = goFile(
        r,
        pkg,
        f,
        fileBytes.min + Math.floor(r() * fileBytes.spread),
      );
      write(join(dir, 'internal', pkg, `file${f}.go`), text, true);
      bytes += text.length;
    }
    write(join(dir, 'go.mod'), goMod(name), false);
    write(join(dir, 'go.sum'), goSum, false);
    write(join(dir, 'deploy', 'deployment.yaml'), deployment(name), false);
    write(join(dir, '.github', 'workflows', 'ci.yml'), workflow, false);
    write(join(dir, 'Makefile'), makefile, false);
  }
  return stats;
}
