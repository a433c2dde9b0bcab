import { extractGoFacts } from './extractGoFacts';
import { testParser } from '../__testUtils__/testParser';

describe('signal facts', () => {
  it('reads signal lists through variables by scope, not by spelling', async () => {
    const facts = extractGoFacts(
      await testParser(),
      'main.go',
      `package main

import (
	"os"
	"os/signal"
	"syscall"
)

var sigs = []os.Signal{os.Interrupt}

func main() {
	c := make(chan os.Signal, 1)
	sigs := []os.Signal{syscall.SIGTERM} // shadows the package-level list
	signal.Notify(c, sigs...)
}

func other(c chan os.Signal) {
	signal.Notify(c, sigs...)
}

func appended(c chan os.Signal) {
	list := []os.Signal{os.Interrupt}
	list = append(list, syscall.SIGTERM)
	signal.Notify(c, list...)
}

func unknown(c chan os.Signal, given []os.Signal) {
	signal.Notify(c, given...)
}

func everything(c chan os.Signal) {
	signal.Notify(c)
}
`,
    );
    expect(
      facts.signalHandling.map(s => `${s.line} ${s.handlesSigterm}`),
    ).toEqual([
      '14 true',
      '18 false',
      '24 true',
      // A list the file cannot see counts: an unknown list is never reported as missing SIGTERM.
      '28 true',
      '32 true',
    ]);
  });
});
