import { contextCancelDiscardedCheck } from '../checks/context-cancel-discarded';
import { contextCancelNotCalledCheck } from '../checks/context-cancel-not-called';
import { serviceFacts } from '../facts';
import { runCheck } from '../__testUtils__/runCheck';
import { extractGoFacts } from './extractGoFacts';
import { testParser, wantsIn } from '../__testUtils__/testParser';

/**
 * Runs the context checks on a file: their findings (with the check id) as `line check-id`, and
 * the want comments.
 */
async function analyze(source: string, path = 'a.go') {
  const facts = serviceFacts({
    goFiles: [extractGoFacts(await testParser(), path, source)],
  });
  const findings = [
    contextCancelDiscardedCheck,
    contextCancelNotCalledCheck,
  ].flatMap(check => {
    const outcome = runCheck(check, facts);
    return 'findings' in outcome
      ? outcome.findings.map(f => ({ ...f, checkId: check.id }))
      : [];
  });
  return {
    findings,
    got: findings.map(f => `${f.line} ${f.checkId}`).sort(),
    want: wantsIn(source),
  };
}

// The spirit of go vet's lostcancel testdata (golang.org/x/tools/go/analysis/passes/lostcancel).
const shapes = `package a

import (
	"context"
	"log"
	"os"
	"testing"
	"time"
)

var bg = context.Background()

// The three assignment forms: var, := and =.
func _() {
	var _, cancel = context.WithCancel(bg) // want "context-cancel-not-called"
	if false {
		_ = cancel
	}
}

func _() {
	_, cancel2 := context.WithDeadline(bg, time.Time{}) // want "context-cancel-not-called"
	if false {
		_ = cancel2
	}
}

func _() {
	var cancel3 func()
	_, cancel3 = context.WithTimeout(bg, 0) // want "context-cancel-not-called"
	if false {
		_ = cancel3
	}
}

// Discarded with each form, and the *Cause variants.
func _() {
	ctx, _ := context.WithCancel(bg) // want "context-cancel-discarded"
	ctx, _ = context.WithTimeout(bg, 0) // want "context-cancel-discarded"
	var _, _ = context.WithDeadline(bg, time.Time{}) // want "context-cancel-discarded"
	ctx, _ = context.WithTimeoutCause(bg, 0, nil) // want "context-cancel-discarded"
	_ = ctx
}

// Deferred: ok.
func _() {
	_, cancel := context.WithCancel(bg)
	defer cancel()
}

// Deferred past a blank line and a comment, with comments on both lines: ok.
func _() {
	_, cancel := context.WithCancel(bg) // the request's context

	// release it when done
	defer cancel() // always
}

// The next statement defers another func: the flow decides.
func _() {
	_, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
	defer other()
	if condition {
		cancel()
	}
}

// The call spans lines; the defer follows it.
func _() {
	_, cancel := context.WithTimeout(
		bg,
		time.Second,
	)
	defer cancel()
}

// Called on one branch only, then an explicit return.
func _() {
	_, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
	if condition {
		cancel()
	}
	return
}

// ok: the other branch never ends.
func _() {
	_, cancel := context.WithCancel(bg)
	if condition {
		cancel()
	} else {
		for {
			print(0)
		}
	}
}

// A counted loop ends, then the function returns.
func _() {
	_, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
	if condition {
		cancel()
	} else {
		for i := 0; i < 10; i++ {
			print(0)
		}
	}
}

// ok: every case calls cancel or does not return.
func _() {
	_, cancel := context.WithCancel(bg)
	switch someInt {
	case 0:
		new(testing.T).FailNow()
	case 1:
		log.Fatal()
	case 2:
		cancel()
	case 3:
		print("hi")
		fallthrough
	default:
		os.Exit(1)
	}
}

// Case 3 falls out of the switch to the implicit return.
func _() {
	_, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
	switch someInt {
	case 0:
		new(testing.T).FailNow()
	case 1:
		log.Fatal()
	case 2:
		cancel()
	case 3:
		print("hi")
	default:
		os.Exit(1)
	}
}

// A select case falls out to the implicit return.
func _(ch chan int) {
	_, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
	select {
	case <-ch:
		new(testing.T).FailNow()
	case ch <- 2:
		print("hi")
	case ch <- 1:
		cancel()
	default:
		os.Exit(1)
	}
}

// ok: a blocking select must run one of its cases, and this one panics.
func _(ch chan int) {
	_, cancel := context.WithCancel(bg)
	select {
	case <-ch:
		panic(0)
	}
	if false {
		_ = cancel
	}
}

// A function literal is its own function.
func _() {
	go func() {
		ctx, cancel := context.WithCancel(bg) // want "context-cancel-not-called"
		if false {
			_ = cancel
		}
		print(ctx)
	}()
}

var condition bool
var someInt int

// ok: a naked return reads the named results.
func _() (ctx context.Context, cancel func()) {
	ctx, cancel = context.WithCancel(bg)
	return
}

// ok: the same in a function literal.
var _ = func() (ctx context.Context, cancel func()) {
	ctx, cancel = context.WithCancel(bg)
	return
}

// ok: the variable belongs to the enclosing function, which calls it (Go issue 31856).
func _() {
	var cancel func()
	func() {
		_, cancel = context.WithCancel(bg)
	}()
	cancel()
}
`;

const uses = `package a

import (
	ctxpkg "context"
	"errors"
	"time"
)

type holder struct{ cancel func() }

// ok: returned.
func returned(parent ctxpkg.Context) (ctxpkg.Context, ctxpkg.CancelFunc) {
	ctx, cancel := ctxpkg.WithTimeout(parent, time.Second)
	return ctx, cancel
}

// ok: stored in a struct field.
func stored(h *holder) {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
	h.cancel = cancel
}

// ok: the assignment itself stores it in a field.
func field(h *holder) {
	_, h.cancel = ctxpkg.WithCancel(ctxpkg.Background())
}

// ok: passed on.
func passed(register func(func())) {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
	register(cancel)
}

// ok: captured by a goroutine.
func captured() {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
	go func() {
		defer cancel()
	}()
}

// ok: kept in a slice and a map.
func collected(m map[string]func()) []func() {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
	_, cancel2 := ctxpkg.WithCancel(ctxpkg.Background())
	m["a"] = cancel2
	return []func(){cancel}
}

// An early error return skips the deferred call.
func early() error {
	ctx, cancel := ctxpkg.WithTimeout(ctxpkg.Background(), time.Second) // want "context-cancel-not-called"
	if ctx.Err() != nil {
		return errors.New("early")
	}
	defer cancel()
	return nil
}

// Reassigned before use: the first cancel is lost.
func reassigned() {
	ctx, cancel := ctxpkg.WithTimeout(ctxpkg.Background(), time.Second) // want "context-cancel-not-called"
	ctx, cancel = ctxpkg.WithTimeout(ctx, time.Second)
	defer cancel()
}

// A loop that starts a run at most once (loki's compactor): back at its own '=', the name is
// read, as go vet reads it; every exit calls the cancel func.
func restartable(events chan bool, ctx ctxpkg.Context) {
	var runCtx ctxpkg.Context
	var runCancel ctxpkg.CancelFunc
	running := false
	for {
		select {
		case start := <-events:
			if start && !running {
				runCtx, runCancel = ctxpkg.WithCancel(ctx)
				running = true
				_ = runCtx
			}
		case <-ctx.Done():
			if runCancel != nil {
				runCancel()
			}
			return
		}
	}
}

// A continue skips the call: the next iteration overwrites the variable.
func loop(items []int) {
	for range items {
		_, cancel := ctxpkg.WithCancel(ctxpkg.Background()) // want "context-cancel-not-called"
		if len(items) > 2 {
			continue
		}
		cancel()
	}
}

// ok: labeled break and continue reach the call.
func labeled(items [][]int) {
outer:
	for _, row := range items {
		_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
		for _, v := range row {
			if v == 0 {
				cancel()
				continue outer
			}
			if v < 0 {
				cancel()
				break outer
			}
		}
		cancel()
	}
}

// ok: a type switch where every case uses it.
func typeSwitch(v any) {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background())
	switch v.(type) {
	case int:
		cancel()
	default:
		defer cancel()
	}
}

// A type switch without default falls through to the return.
func typeSwitchNoDefault(v any) {
	_, cancel := ctxpkg.WithCancel(ctxpkg.Background()) // want "context-cancel-not-called"
	switch v.(type) {
	case int:
		cancel()
	}
}

// Defined in an if initializer and only used in the else branch.
func ifInit() {
	if _, cancel := ctxpkg.WithCancel(ctxpkg.Background()); true { // want "context-cancel-not-called"
		print(1)
	} else {
		cancel()
	}
}
`;

const mainPkg = `package main

import (
	"context"
	"time"
)

// main.main may return without cancelling: the process ends.
func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if ctx == nil {
		return
	}
	cancel()
	var stop func()
	ctx, stop = context.WithCancel(ctx) // want "context-cancel-not-called"
	ctx, _ = context.WithCancel(ctx) // want "context-cancel-discarded"
}

// Other functions of package main are not exempt.
func helper() {
	_, cancel := context.WithCancel(context.Background()) // want "context-cancel-not-called"
	if false {
		cancel()
	}
}
`;

describe('lostcancel', () => {
  it('handles every assignment shape and control-flow construct', async () => {
    const { got, want } = await analyze(shapes);
    expect(got).toEqual(want);
  });

  it('counts returns, stores, arguments and closures as uses', async () => {
    const { got, want } = await analyze(uses);
    expect(got).toEqual(want);
  });

  it('exempts main.main from the path rule only', async () => {
    const { findings, got, want } = await analyze(mainPkg, 'cmd/x/main.go');
    expect(got).toEqual(want);
    expect(findings.find(f => f.line === 16)?.message).toBe(
      'the stop function is never used (context leak): call it, usually with defer stop()',
    );
  });

  it('writes go vet style messages', async () => {
    const { findings } = await analyze(uses);
    const line = (text: string) =>
      uses.split('\n').findIndex(l => l.includes(text)) + 1;
    const early = line('func early()') + 1;
    expect(findings.find(f => f.line === early)).toMatchObject({
      path: 'a.go',
      snippet:
        'ctx, cancel := ctxpkg.WithTimeout(ctxpkg.Background(), time.Second) // want "context-cancel-not-called"',
      message: `the cancel function is not used on all paths (possible context leak); this return statement (line ${
        early + 2
      }) is reached without using it`,
    });
    const reassigned = line('func reassigned()') + 1;
    expect(findings.find(f => f.line === reassigned)?.message).toBe(
      `the cancel function is not used on all paths (possible context leak); line ${
        reassigned + 1
      } assigns cancel again before it is used`,
    );
    const discarded = (await analyze(shapes)).findings;
    const discardLine =
      shapes
        .split('\n')
        .findIndex(l => l.includes('ctx, _ := context.WithCancel')) + 1;
    expect(discarded.find(f => f.line === discardLine)?.message).toBe(
      'the cancel function returned by context.WithCancel should be called, not discarded, to avoid a context leak',
    );
  });

  it('ignores files without the context import', async () => {
    const { got } = await analyze(`package a

import other "example.com/context"

func f() {
	_, _ = other.WithCancel(nil)
	context := struct{ WithCancel func() (int, int) }{}
	_, _ = context.WithCancel()
}
`);
    expect(got).toEqual([]);
  });
});
