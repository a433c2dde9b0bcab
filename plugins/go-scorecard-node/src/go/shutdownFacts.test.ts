import { shutdownSeconds } from '../checks/k8s-grace-period';
import { GoFileFacts } from '../facts';
import { linkSources } from '../__testUtils__/linkSources';
import { extractGoFacts } from './extractGoFacts';
import { testParser } from '../__testUtils__/testParser';

async function facts(
  source: string,
): Promise<GoFileFacts & { source: string }> {
  return {
    ...extractGoFacts(await testParser(), 'cmd/api/main.go', source),
    source,
  };
}

/** The longest drain the program allows, in seconds. */
async function seconds(source: string): Promise<number> {
  const { facts: all, program } = await linkSources({
    'cmd/api/main.go': source,
  });
  return shutdownSeconds(all, program).seconds;
}

const at = (refs: { line: number; callee: string }[]) =>
  refs.map(r => `${r.line} ${r.callee}`);

describe('shutdown facts', () => {
  it('finds http.Server values from literals, vars, fields, params and constructors', async () => {
    const f = await facts(`package main

import (
	"log"
	web "net/http"
)

type app struct {
	srv *web.Server
}

var global *web.Server

func newServer() *web.Server { return &web.Server{} }

func run(s *web.Server) { s.ListenAndServe() }

func main() {
	a := &app{srv: &web.Server{}}
	log.Fatal(a.srv.ListenAndServe())
	local := web.Server{Addr: ":1"}
	local.Serve(nil)
	global.Close()
	built := newServer()
	built.Shutdown(nil)
	notAServer.Close()
	web.ListenAndServe(":2", nil)
}
`);
    expect(
      f.serveCalls.map(
        s => `${s.line} ${s.kind} ${s.callee} ${s.fatalWithoutErrServerClosed}`,
      ),
    ).toEqual([
      '16 http-server s.ListenAndServe false',
      '20 http-server a.srv.ListenAndServe true',
      '22 http-server local.Serve false',
      '27 http-func web.ListenAndServe false',
    ]);
    expect(at(f.httpServerCloseCalls)).toEqual(['23 global.Close']);
    expect(at(f.httpServerShutdownCalls)).toEqual(['25 built.Shutdown']);
  });

  it('decides whether the serve error is fatal without ErrServerClosed', async () => {
    const f = await facts(`package main

import (
	"errors"
	"log"
	"net/http"
	"os"

	"go.uber.org/zap"
)

func main() {
	srv := &http.Server{}
	logger := zap.NewExample()
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			log.Fatalf("serve: %v", err)
		}
	}()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
	err := srv.ListenAndServeTLS("c", "k")
	if err != nil {
		logger.Fatal("serve", zap.Error(err))
	}
	if err := srv.Serve(nil); !errors.Is(err, http.ErrServerClosed) {
		os.Exit(1)
	}
	if err := srv.Serve(nil); err != nil {
		log.Printf("serve: %v", err)
	}
	panic(srv.ListenAndServe())
}
`);
    expect(
      f.serveCalls.map(s => `${s.line} ${s.fatalWithoutErrServerClosed}`),
    ).toEqual([
      '16 true',
      '20 false',
      '23 true',
      '27 false',
      '30 false',
      '33 true',
    ]);
  });

  it('finds gRPC servers, Stop and GracefulStop, and the shutdown timeout', async () => {
    const f = await facts(`package main

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

const drain = 20 * time.Second

type server struct{ grpc *grpc.Server }

func main() {
	s := grpc.NewServer()
	s.Serve(nil)
	w := &server{grpc: grpc.NewServer()}
	ctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	go func() {
		w.grpc.GracefulStop()
	}()
	<-ctx.Done()
	s.Stop()
}
`);
    expect(at(f.grpcServers)).toEqual([
      '15 grpc.NewServer',
      '17 grpc.NewServer',
    ]);
    expect(f.serveCalls.map(s => `${s.line} ${s.kind}`)).toEqual(['16 grpc']);
    expect(at(f.grpcStopCalls)).toEqual(['24 s.Stop']);
    expect(at(f.grpcGracefulStopCalls)).toEqual(['21 w.grpc.GracefulStop']);
    expect(await seconds(f.source)).toBe(20);
  });

  it('reads the timeout of the context passed to Shutdown', async () => {
    const f = await facts(`package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{}
	other, stop := context.WithTimeout(context.Background(), time.Hour)
	defer stop()
	_ = other
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute+(30*time.Second))
	defer cancel()
	srv.Shutdown(ctx)
}
`);
    expect(await seconds(f.source)).toBe(150);
  });

  it('finds gin, echo and fiber serve calls', async () => {
    const f = await facts(`package main

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func main() {
	r := gin.Default()
	e := echo.New()
	app := fiber.New()
	go r.Run(":1")
	go e.Start(":2")
	app.Listen(":3")
	other.Run()
}
`);
    expect(f.serveCalls.map(s => `${s.line} ${s.kind} ${s.callee}`)).toEqual([
      '13 framework r.Run',
      '14 framework e.Start',
      '15 framework app.Listen',
    ]);
  });
});
