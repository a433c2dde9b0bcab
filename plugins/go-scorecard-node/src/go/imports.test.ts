import { defaultPackageName, ImportResolver } from './imports';
import { extractGoFacts } from './extractGoFacts';
import { testParser } from './testParser';

describe('defaultPackageName', () => {
  it.each([
    ['context', 'context'],
    ['net/http', 'http'],
    ['google.golang.org/grpc', 'grpc'],
    ['github.com/labstack/echo/v4', 'echo'],
    ['gopkg.in/yaml.v3', 'yaml'],
    ['github.com/mattn/go-sqlite3', 'sqlite3'],
    ['github.com/grpc-ecosystem/grpc-go', 'grpc'],
  ])('%s → %s', (path, name) => {
    expect(defaultPackageName(path)).toBe(name);
  });
});

describe('imports', () => {
  it('reads single, grouped, aliased, blank and dot imports with their lines', async () => {
    const facts = extractGoFacts(
      await testParser(),
      'a.go',
      `package a

import "fmt"
import (
	ctxpkg "context"
	_ "net/http/pprof"
	. "strings"
	"google.golang.org/grpc"
)
`,
    );
    expect(facts.imports).toEqual([
      { path: 'fmt', line: 3 },
      { path: 'context', alias: 'ctxpkg', line: 5 },
      { path: 'net/http/pprof', alias: '_', line: 6 },
      { path: 'strings', alias: '.', line: 7 },
      { path: 'google.golang.org/grpc', line: 8 },
    ]);
    const resolver = new ImportResolver(facts.imports);
    expect(resolver.localName('context')).toBe('ctxpkg');
    expect(resolver.is('grpc', 'google.golang.org/grpc')).toBe(true);
    expect(resolver.localName('net/http/pprof')).toBeUndefined();
    expect(resolver.localName('strings')).toBeUndefined();
  });
});
