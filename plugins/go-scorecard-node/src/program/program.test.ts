import { Origin } from './origins';
import { ServiceFacts, ValueExpr } from '../facts';
import { linkSources } from '../__testUtils__/linkSources';
import { ServiceProgram } from './serviceProgram';

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n';

function originLabel(o: Origin): string {
  if (o.k === 'string') return o.value;
  if (o.k === 'env') return `$${o.name}`;
  return o.k;
}

/** The string values and env names reaching each dial target, by the dial's line. */
function dialOrigins(facts: ServiceFacts, program: ServiceProgram): string[] {
  return facts.goFiles.flatMap(file =>
    file.dialTargets.flatMap(t =>
      program.values
        .origins(t.target, { file, owner: t.owner ?? -1 })
        .map(
          o =>
            `${t.path}:${t.line} <- ${originLabel(o)} (${o.at.path}:${
              o.at.line
            })`,
        ),
    ),
  );
}

const SERVICE = {
  'go.mod': GO_MOD,
  'internal/platform/dial.go': `package platform

import "google.golang.org/grpc"

// Dialer dials through an interface the tree implements twice.
type Dialer interface {
	Dial(target string) (*grpc.ClientConn, error)
}

type direct struct{}

func (direct) Dial(target string) (*grpc.ClientConn, error) { return grpc.NewClient(target) }

type traced struct{ next Dialer }

func (t traced) Dial(target string) (*grpc.ClientConn, error) { return t.next.Dial(target) }

// New returns a Dialer.
func New() Dialer { return traced{next: direct{}} }
`,
  'cmd/api/main.go': `package main

import (
	"os"

	"example.com/shop/internal/platform"
)

type app struct {
	dialer platform.Dialer
	addr   string
}

func main() {
	a := &app{dialer: platform.New(), addr: os.Getenv("USERS_ADDR")}
	a.dialer.Dial(a.addr)
	a.dialer.Dial("orders:9000")
}
`,
};

describe('program', () => {
  it('follows a value through an interface of the tree to every implementation', async () => {
    const { facts, program } = await linkSources(SERVICE);
    expect(dialOrigins(facts, program).sort()).toEqual([
      'internal/platform/dial.go:12 <- $USERS_ADDR (cmd/api/main.go:15)',
      'internal/platform/dial.go:12 <- orders:9000 (cmd/api/main.go:17)',
    ]);
  });

  it('links facts alone: the same answers from facts that went through JSON', async () => {
    const { facts, program } = await linkSources(SERVICE);
    const copy: ServiceFacts = JSON.parse(JSON.stringify(facts));
    expect(dialOrigins(copy, ServiceProgram.link(copy))).toEqual(
      dialOrigins(facts, program),
    );
  });

  it('reaches what main calls, through packages and init, and nothing else', async () => {
    const { program } = await linkSources({
      'go.mod': GO_MOD,
      'cmd/api/main.go': `package main

import "example.com/shop/internal/server"

func main() { server.Run() }

func unused() { server.Debug() }
`,
      'internal/server/server.go': `package server

import "net/http"

var registry = setup()

func setup() map[string]int { return nil }

func init() { http.HandleFunc("/", handle) }

func handle(w http.ResponseWriter, r *http.Request) {}

// Run serves.
func Run() { (&Server{}).start() }

// Debug is never reached from main.
func Debug() {}

// Server serves HTTP.
type Server struct{}

func (s *Server) start() { go s.loop() }

func (s *Server) loop() {}
`,
    });
    const [binary] = program.binaries;
    const reached = [...binary.order.keys()]
      .map(
        id =>
          program.program.funcs.get(id)?.facts.name ?? id.replace(/^.*#/, '#'),
      )
      .sort();
    // Both packages' initializers, main and what it reaches; not Debug, nor main's unused helper.
    expect(reached).toEqual([
      '#init',
      '#init',
      'Run',
      'handle',
      'init',
      'loop',
      'main',
      'setup',
      'start',
    ]);
  });

  it('types a value through declarations, constructors and fields', async () => {
    const { facts, program } = await linkSources({
      'go.mod': GO_MOD,
      'main.go': `package main

import "net/http"

type holder struct{ srv *http.Server }

func newHolder() *holder { return &holder{} }

func (h *holder) stop() { h.srv.Close() }

func main() {
	h := newHolder()
	h.stop()
}
`,
    });
    const file = facts.goFiles[0];
    const call = file.program.calls.find(
      c => c.callee.k === 'method' && c.callee.name === 'stop',
    )!;
    const site = { file, owner: call.owner };
    const recv = (call.callee as { recv: ValueExpr }).recv;
    expect(program.program.typeOf(recv, site)).toMatchObject({
      k: 'named',
      name: 'holder',
    });
    expect(
      program.program.typeOf({ k: 'field', of: recv, name: 'srv' }, site),
    ).toMatchObject({
      k: 'named',
      key: 'net/http.Server',
    });
    expect(
      program.program.callees(call.callee, site).map(f => f.facts.name),
    ).toEqual(['stop']);
  });
});
