import {
  expandMakeVariables,
  makefileCommands,
  makefileStructure,
  recipeEnvironment,
} from './makefile';

/** `line: argv` of each recipe command of a Makefile, with the env it runs with. */
const summary = (text: string) =>
  makefileCommands('Makefile', text).map(
    c =>
      `${c.line}: ${c.argv.join(' ')}${
        Object.keys(c.env).length
          ? ` [${Object.entries(c.env)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}]`
          : ''
      }`,
  );

describe('makefile built-in variables', () => {
  it('runs make for $(MAKE) and ${MAKE}, keeps $(CURDIR) as written, drops undefined names', () => {
    const text = [
      'gen:',
      '\t$(MAKE) -f build/app_makefile gen', // 2
      '\t${MAKE} -C sub', // 3
      '\t$(CURDIR)/hack/run.sh', // 4
      '\t$(QUIET)go vet', // 5
      '\t$(SHELL) scripts/x.sh', // 6
    ].join('\n');
    expect(summary(text)).toEqual([
      '2: make -f build/app_makefile gen',
      '3: make -C sub',
      '4: $(CURDIR)/hack/run.sh',
      '5: go vet',
      '6: /bin/sh scripts/x.sh',
    ]);
  });

  it('lets a Makefile define MAKE itself', () => {
    expect(
      expandMakeVariables('$(MAKE) all', new Map([['MAKE', ['gmake -j4']]])),
    ).toBe('gmake -j4 all');
  });
});

describe('makefile exports', () => {
  it('reads export, unexport, export-all and which names are assigned other than with ?=', () => {
    const s = makefileStructure(
      [
        'GO111MODULE := off',
        'export GO111MODULE',
        'export GOFLAGS = -mod=mod',
        'export CGO_ENABLED ?= 0',
        'override export GOPROXY := direct',
        'PRIVATE = 1',
        'unexport PRIVATE',
        'build: export TARGET_ONLY = 1',
        'build:',
        '\texport IN_RECIPE=1',
      ].join('\n'),
    );
    expect(Object.fromEntries(s.exports)).toEqual({
      GO111MODULE: true,
      GOFLAGS: true,
      CGO_ENABLED: true,
      GOPROXY: true,
      PRIVATE: false,
    });
    expect(s.exportAll).toBeUndefined();
    expect([...s.assigned].sort()).toEqual([
      'GO111MODULE',
      'GOFLAGS',
      'GOPROXY',
      'PRIVATE',
    ]);
    expect(makefileStructure('A = 1\nexport\n').exportAll).toBe(true);
    expect(makefileStructure('export\nunexport\n').exportAll).toBe(false);
    expect(makefileStructure('.EXPORT_ALL_VARIABLES:\nA = 1\n').exportAll).toBe(
      true,
    );
  });

  it('gives each recipe command the exported variables, under what the line itself sets', () => {
    const text = [
      'GO111MODULE := off', // 1
      'export GO111MODULE',
      'export GOFLAGS = -mod=$(MODE)',
      'MODE = mod',
      'HIDDEN = 1', // 5
      'deps:',
      '\tgo get github.com/pkg/errors', // 7
      '\tGO111MODULE=on go get github.com/pkg/errors', // 8
    ].join('\n');
    expect(summary(text)).toEqual([
      '7: go get github.com/pkg/errors [GO111MODULE=off GOFLAGS=-mod=mod]',
      '8: go get github.com/pkg/errors [GO111MODULE=on GOFLAGS=-mod=mod]',
    ]);
  });

  it('exports every variable with a shell name after a bare export or .EXPORT_ALL_VARIABLES, less unexported ones', () => {
    for (const all of ['export', '.EXPORT_ALL_VARIABLES:']) {
      const text = [
        all,
        'GO111MODULE = off',
        'A.B = 1',
        'SECRET = x',
        'unexport SECRET',
        'deps: ; go get github.com/pkg/errors', // 6
      ].join('\n');
      expect(summary(text)).toEqual([
        '6: go get github.com/pkg/errors [GO111MODULE=off]',
      ]);
    }
  });

  it('takes the environment make runs in: a Makefile assignment overrides it, ?= does not', () => {
    const s = makefileStructure(
      [
        'GO111MODULE ?= on',
        'GOFLAGS = -mod=vendor',
        'export CGO_ENABLED ?= 0',
        'unexport GOPATH',
      ].join('\n'),
    );
    expect(
      recipeEnvironment(s, s.variables, {
        GO111MODULE: 'off',
        GOFLAGS: '-mod=mod',
        GOPATH: '/go',
        HOME: '/root',
      }),
    ).toEqual({
      GO111MODULE: 'off',
      GOFLAGS: '-mod=vendor',
      HOME: '/root',
      CGO_ENABLED: '0',
    });
  });
});

describe('computed variable names', () => {
  it('expands a name made of references, or every defined name that fits its known parts', () => {
    const variables = new Map([
      ['V', ['0']],
      ['AT_0', ['@']],
      ['AT_1', ['']],
      ['CMD_a', ['go install']],
      ['CMD_b', ['go get']],
      ['MODE', ['a']],
    ]);
    // `@`, the recipe prefix, which the recipe reader drops.
    expect(expandMakeVariables('$(AT_$(V))go get x', variables)).toBe(
      '@go get x',
    );
    // `VERBOSE` is not defined here (make's command line may set it): AT_0 and AT_1 fit.
    expect(expandMakeVariables('${AT_$(VERBOSE)}go get x', variables)).toBe(
      'go get x',
    );
    expect(expandMakeVariables('$(CMD_$(MODE)) x', variables)).toBe(
      'go install x',
    );
    // Two different commands fit, and a name that is not defined: left as written.
    expect(expandMakeVariables('$(CMD_$(OTHER)) x', variables)).toBe(
      '$(CMD_$(OTHER)) x',
    );
    expect(expandMakeVariables('$(NONE_$(V)) x', variables)).toBe(
      '$(NONE_$(V)) x',
    );
  });
});

describe('makefile functions and defines', () => {
  it('expands foreach and call over known values, leaves unknown ones as written', () => {
    const variables = new Map([
      ['TOOLS', ['a/cmd/x b/cmd/y']],
      ['install', ['go install $(1)@$(2)']],
      ['awk', ['awk "{print $$1}" $(1)']],
    ]);
    expect(
      expandMakeVariables('$(foreach t,$(TOOLS),go get $(t);)', variables),
    ).toBe('go get a/cmd/x; go get b/cmd/y;');
    expect(
      expandMakeVariables('$(call install,a/cmd/x,v1.2.3)', variables),
    ).toBe('go install a/cmd/x@v1.2.3');
    expect(expandMakeVariables('$(call awk,f.txt)', variables)).toBe(
      'awk "{print $$1}" f.txt',
    );
    expect(
      expandMakeVariables('$(foreach t,$(shell ls),go get $(t))', variables),
    ).toBe('$(foreach t,$(shell ls),go get $(t))');
    expect(expandMakeVariables('$(call unknown,x)', variables)).toBe(
      '$(call unknown,x)',
    );
  });

  it('reads a define where a recipe line calls it, at the lines of its body', () => {
    const text = [
      'bin/x:', // 1
      '\t$(call go-get-tool,$(CURDIR)/bin/x,github.com/a/cmd/x@v1)',
      'canned:', // 3
      '\t@$(steps)',
      'define go-get-tool', // 5
      '@[ -f $(1) ] || { \\',
      'cd $$(mktemp -d) ;\\',
      'GOBIN=$(CURDIR)/bin go get $(2) ;\\', // 8
      '}',
      'endef',
      'define steps', // 11
      'go mod download',
      '-go vet ./...',
      'endef',
    ].join('\n');
    expect(summary(text)).toEqual([
      '6: [ -f $(CURDIR)/bin/x ]',
      '7: mktemp -d',
      '7: cd $(mktemp -d)',
      '8: go get github.com/a/cmd/x@v1 [GOBIN=$(CURDIR)/bin]',
      '12: go mod download',
      '13: go vet ./...',
    ]);
    // Each command a define gives names the recipe line that expanded it.
    const calls = makefileCommands('Makefile', text).map(c => c.calledFrom);
    expect(calls[3]).toEqual({ path: 'Makefile', line: 2 });
    expect(calls[5]).toEqual({ path: 'Makefile', line: 4 });
  });
});
