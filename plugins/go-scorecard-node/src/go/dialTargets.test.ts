import { linkSources } from '../__testUtils__/linkSources';
import { extractGoFacts } from './extractGoFacts';
import { testParser } from '../__testUtils__/testParser';
import { UNKNOWN_TEXT } from '../program/origins';

/** Each dial target of main.go with the values and env vars the program says reach it. */
async function targets(body: string, decls = '') {
  const source = `package main

import (
	"flag"
	"fmt"
	"os"

	g "google.golang.org/grpc"
)

${decls}

func main() {
${body}
}
`;
  const { facts, program } = await linkSources({ 'main.go': source });
  const file = facts.goFiles[0];
  return file.dialTargets.map(t => {
    const origins = program.values.origins(t.target, {
      file,
      owner: t.owner ?? -1,
    });
    return {
      func: t.func,
      line: t.line,
      values: origins.flatMap(o =>
        o.k === 'string' ? [`${o.at.line}:${o.value}`] : [],
      ),
      envVars: origins.flatMap(o => (o.k === 'env' ? [o.name] : [])),
    };
  });
}

describe('dialTargets', () => {
  it('reads a literal target, under an import alias', async () => {
    expect(await targets(`	g.Dial("user-service:8080")`)).toEqual([
      { func: 'Dial', line: 14, values: ['14:user-service:8080'], envVars: [] },
    ]);
  });

  it('takes DialContext’s second argument', async () => {
    expect(await targets(`	g.DialContext(nil, "orders:9000")`)).toEqual([
      {
        func: 'DialContext',
        line: 14,
        values: ['14:orders:9000'],
        envVars: [],
      },
    ]);
  });

  it('follows consts, vars and locals of the file to their literal', async () => {
    const decls = `const userAddr = "user-service:8080"

var (
	orderAddr = "orders.shop:9000"
)`;
    expect(
      await targets(
        `	local := "pay:7000"
	g.NewClient(userAddr)
	g.NewClient(orderAddr)
	g.NewClient(local)`,
        decls,
      ),
    ).toEqual([
      {
        func: 'NewClient',
        line: 19,
        values: ['11:user-service:8080'],
        envVars: [],
      },
      {
        func: 'NewClient',
        line: 20,
        values: ['14:orders.shop:9000'],
        envVars: [],
      },
      { func: 'NewClient', line: 21, values: ['18:pay:7000'], envVars: [] },
    ]);
  });

  it('reads env vars from os.Getenv, os.LookupEnv and a getenv helper with a default', async () => {
    expect(
      await targets(`	g.NewClient(os.Getenv("USER_ADDR"))
	v, _ := os.LookupEnv("ORDER_ADDR")
	g.NewClient(v)
	g.NewClient(getenv("PAY_ADDR", "pay:7000"))`),
    ).toEqual([
      { func: 'NewClient', line: 14, values: [], envVars: ['USER_ADDR'] },
      { func: 'NewClient', line: 16, values: [], envVars: ['ORDER_ADDR'] },
      {
        func: 'NewClient',
        line: 17,
        values: ['17:pay:7000'],
        envVars: ['PAY_ADDR'],
      },
    ]);
  });

  it('reads flag defaults, through a dereference and flag.StringVar', async () => {
    const decls = `var addr = flag.String("addr", "user-service:8080", "user service")
var other string

func init() {
	flag.StringVar(&other, "other", "orders:9000", "orders")
}`;
    expect(
      await targets(
        `	g.NewClient(*addr)
	g.NewClient(other)`,
        decls,
      ),
    ).toEqual([
      {
        func: 'NewClient',
        line: 19,
        values: ['11:user-service:8080'],
        envVars: [],
      },
      { func: 'NewClient', line: 20, values: ['15:orders:9000'], envVars: [] },
    ]);
  });

  it('formats fmt.Sprintf and +, a part not known standing as UNKNOWN_TEXT', async () => {
    expect(
      await targets(`	host := "user-service"
	g.NewClient(fmt.Sprintf("%s:%d", host, 8080))
	g.NewClient(host + ":8080")
	g.NewClient(fmt.Sprintf("%s:%d", os.Getenv("HOST"), 8080))
	g.NewClient("dns:///" + host + ":" + strconv.Itoa(port))`),
    ).toEqual([
      {
        func: 'NewClient',
        line: 15,
        values: ['14:user-service:8080'],
        envVars: [],
      },
      {
        func: 'NewClient',
        line: 16,
        values: ['14:user-service:8080'],
        envVars: [],
      },
      {
        func: 'NewClient',
        line: 17,
        values: [`17:${UNKNOWN_TEXT}:8080`],
        envVars: ['HOST'],
      },
      // placed where the host is written, past the scheme
      {
        func: 'NewClient',
        line: 18,
        values: [`14:dns:///user-service:${UNKNOWN_TEXT}`],
        envVars: [],
      },
    ]);
  });

  it('reads cmp.Or as any of its arguments (the first that is not empty)', async () => {
    const { facts, program } = await linkSources({
      'main.go': `package main

import (
	"cmp"
	"os"

	"google.golang.org/grpc"
)

func main() {
	grpc.NewClient(cmp.Or(os.Getenv("REVIEWS_ADDR"), "reviews:9000"))
}
`,
    });
    const file = facts.goFiles[0];
    const origins = program.values.origins(file.dialTargets[0].target, {
      file,
      owner: file.dialTargets[0].owner ?? -1,
    });
    expect(
      origins.map(o =>
        o.k === 'string' ? `${o.at.line}:${o.value}` : `${o.k}`,
      ),
    ).toEqual(['env', '11:reviews:9000']);
  });

  it('leaves targets it cannot resolve empty', async () => {
    expect(
      await targets(`	g.NewClient(cfg.Addr)`, 'var cfg struct{ Addr string }'),
    ).toEqual([{ func: 'NewClient', line: 14, values: [], envVars: [] }]);
  });

  it('lists grpc.Dial, grpc.DialContext and grpc.WithInsecure as deprecated calls', async () => {
    const facts = extractGoFacts(
      await testParser(),
      'c.go',
      `package c

import "google.golang.org/grpc"

func f() {
	grpc.Dial("a:1", grpc.WithInsecure())
	grpc.NewClient("a:1")
}
`,
    );
    expect(facts.deprecatedDialCalls.map(c => `${c.line} ${c.callee}`)).toEqual(
      ['6 grpc.Dial', '6 grpc.WithInsecure'],
    );
  });
});
