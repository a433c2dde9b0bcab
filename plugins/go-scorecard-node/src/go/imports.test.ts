import { defaultPackageName, ImportResolver } from './imports';
import { extractGoFacts } from './extractGoFacts';
import { testParser } from '../__testUtils__/testParser';

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
    expect(resolver.localNames('context')).toEqual(['ctxpkg']);
    expect(resolver.is('grpc', 'google.golang.org/grpc')).toBe(true);
    expect(resolver.pathOf('ctxpkg')).toBe('context');
    expect(resolver.localNames('net/http/pprof')).toEqual([]);
    expect(resolver.localNames('strings')).toEqual([]);
  });

  it('knows every name of a path imported twice', async () => {
    const resolver = new ImportResolver([
      { path: 'context', line: 3 },
      { path: 'context', alias: 'ctxpkg', line: 4 },
    ]);
    expect(resolver.localNames('context')).toEqual(['context', 'ctxpkg']);
    expect(
      resolver.is('context', 'context') && resolver.is('ctxpkg', 'context'),
    ).toBe(true);
  });

  it('guesses the name of a package whose last path element is no identifier', () => {
    const resolver = new ImportResolver([
      { path: 'github.com/go-ozzo/ozzo-routing/v2', line: 3 },
      { path: 'example.com/kit-log', line: 4 },
      { path: 'example.com/log', line: 5 },
    ]);
    expect(resolver.pathOf('routing')).toBe(
      'github.com/go-ozzo/ozzo-routing/v2',
    );
    expect(resolver.pathOf('ozzorouting')).toBe(
      'github.com/go-ozzo/ozzo-routing/v2',
    );
    // a guess never shadows a name an import gives for sure
    expect(resolver.pathOf('log')).toBe('example.com/log');
    expect(resolver.pathOf('ozzo-routing')).toBeUndefined();
  });
});
