import { ignoredByTidy, leftOutOfLinuxBuild } from './buildConstraints';

const file = (header: string) => `${header}\npackage main\n\nfunc main() {}\n`;

describe('ignoredByTidy', () => {
  it('leaves out a file whose constraint needs the ignore tag', () => {
    for (const header of [
      '//go:build ignore\n',
      '// Copyright 2024 Example.\n\n//go:build ignore\n// +build ignore\n',
      '//go:build ignore && linux\n',
      '//go:build (ignore)\n',
      '// +build ignore\n',
      '//+build ignore\n',
      '// +build linux\n// +build ignore\n',
      '// +build ignore,linux\n',
      '/* generator */\n//go:build ignore\n',
    ])
      expect({ header, ignored: ignoredByTidy(file(header)) }).toEqual({
        header,
        ignored: true,
      });
  });

  it('keeps a file whose constraint any tag but ignore can satisfy', () => {
    for (const header of [
      '',
      '// Package main does things.\n',
      '//go:build tools\n',
      '//go:build !ignore\n',
      '//go:build ignore || linux\n',
      '//go:build linux && !linux\n',
      '//go:build !(darwin && amd64)\n',
      '// +build !ignore\n',
      '// +build ignore linux\n',
      '//go:buildignore\n',
      '/*\n//go:build ignore\n*/\n',
    ])
      expect({ header, ignored: ignoredByTidy(file(header)) }).toEqual({
        header,
        ignored: false,
      });
    // a +build line must be followed by a blank line: here it is a package comment
    expect(ignoredByTidy('// +build ignore\npackage main\n')).toBe(false);
  });

  it('reads the //go:build line over any +build line, and only before the package clause', () => {
    expect(ignoredByTidy(file('//go:build tools\n// +build ignore\n'))).toBe(
      false,
    );
    expect(ignoredByTidy('package main\n\n//go:build ignore\n')).toBe(false);
  });

  it('leaves out a file whose constraint does not parse, as the go command does', () => {
    for (const header of [
      '//go:build linux &&\n',
      '//go:build a & b\n',
      '//go:build !!a\n',
      '//go:build a\n//go:build b\n',
    ])
      expect({ header, ignored: ignoredByTidy(file(header)) }).toEqual({
        header,
        ignored: true,
      });
  });
});

describe('leftOutOfLinuxBuild', () => {
  it.each([
    ['upstream_windows.go', '', true],
    ['upstream_darwin_arm64.go', '', true],
    ['upstream_linux.go', '', false],
    ['upstream_linux_amd64.go', '', false],
    ['upstream_arm64.go', '', false],
    ['windows.go', '', false],
    ['dir/zz_generated_unix.go', '', false],
    ['fuzz.go', '//go:build gofuzz\n', true],
    ['gen.go', '//go:build ignore\n', true],
    ['gen.go', '// +build ignore\n', true],
    ['signals.go', '//go:build !windows\n', false],
    ['signals.go', '//go:build windows || darwin\n', true],
    ['signals.go', '//go:build unix && !linux\n', true],
    ['prod.go', '//go:build prod\n', false],
    ['nocgo.go', '//go:build !cgo\n', false],
    ['broken.go', '//go:build linux &&\n', true],
  ])('%s with %j: %s', (path, header, out) => {
    expect(leftOutOfLinuxBuild(path, file(header))).toBe(out);
  });
});
