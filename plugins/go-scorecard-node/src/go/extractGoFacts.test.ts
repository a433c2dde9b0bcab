import { GoParser } from './GoParser';
import { extractGoFacts } from './extractGoFacts';
import { testParser } from '../__testUtils__/testParser';

describe('extractGoFacts', () => {
  it('reads the package, test-ness and directory', async () => {
    const f = extractGoFacts(
      await testParser(),
      'svc/x_test.go',
      'package x_test\n',
    );
    expect(f).toMatchObject({
      packageName: 'x_test',
      isTest: true,
      dir: 'svc',
    });
    const root = extractGoFacts(
      await testParser(),
      'main.go',
      'package main\n',
    );
    expect(root.dir).toBe('.');
    expect(root.buildIgnored).toBe(false);
    expect(
      extractGoFacts(
        await testParser(),
        'gen/gen.go',
        '//go:build ignore\n\npackage main\n',
      ).buildIgnored,
    ).toBe(true);
  });

  it('counts go statements, not the word go in comments, strings or names', async () => {
    const f = extractGoFacts(
      await testParser(),
      'a.go',
      `package a

// go run this to go faster
func f(gopher int) {
	go f(1)
	go func() {}()
	s := "go home"
	go
	f(2)
	_ = s
}
`,
    );
    expect(f.goStatements).toBe(3);
  });

  it('counts goleak verifications, called or deferred, under an alias', async () => {
    const f = extractGoFacts(
      await testParser(),
      'a_test.go',
      `package a

import (
	"testing"

	leak "go.uber.org/goleak"
)

func TestMain(m *testing.M) { leak.VerifyTestMain(m) }

func TestX(t *testing.T) { defer leak.VerifyNone(t) }
`,
    );
    expect(f.goleakVerifications).toBe(2);
  });

  it('records signal handling and whether it includes SIGTERM', async () => {
    const f = extractGoFacts(
      await testParser(),
      'main.go',
      `package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

var sigs = []os.Signal{syscall.SIGTERM, os.Interrupt}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
	signal.Notify(c)
	signal.Notify(c, sigs...)
	signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGQUIT)
}
`,
    );
    expect(f.signalHandling.map(s => `${s.line} ${s.handlesSigterm}`)).toEqual([
      '14 false',
      '15 true',
      '16 true',
      '17 true',
      '18 false',
    ]);
  });

  it('gives up on a parse that exceeds its time budget', async () => {
    const parser = await GoParser.create({ timeoutMs: 0 });
    const big = `package a\n${'func f() { x := []int{1, 2, 3}; _ = x }\n'.repeat(
      20000,
    )}`;
    expect(() => extractGoFacts(parser, 'big.go', big)).toThrow(
      /Go parse gave up after 0 ms/,
    );
  });
});
