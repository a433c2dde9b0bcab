import { GoModSyntaxError } from './parseGoMod';
import { parseGoWork } from './parseGoWork';

describe('parseGoWork', () => {
  it('reads use directories against its own directory, and replaces', () => {
    const work = parseGoWork(
      'services/go.work',
      `go 1.23
toolchain go1.23.2

use (
\t./users
\t../shared // outside services/ but inside the root
\t.
)
use ../../elsewhere

replace github.com/golang/protobuf => github.com/golang/protobuf v1.3.5
replace example.com/lib v1.0.0 => ./lib
`,
    );
    expect(work).toEqual({
      path: 'services/go.work',
      dir: 'services',
      uses: [
        { dir: 'services/users', line: 5 },
        { dir: 'shared', line: 6 },
        { dir: 'services', line: 7 },
      ],
      replaces: [
        {
          oldPath: 'github.com/golang/protobuf',
          oldVersion: undefined,
          newPath: 'github.com/golang/protobuf',
          newVersion: 'v1.3.5',
          line: 11,
        },
        {
          oldPath: 'example.com/lib',
          oldVersion: 'v1.0.0',
          newPath: './lib',
          newVersion: undefined,
          line: 12,
        },
      ],
    });
  });

  it('reads a go.work at the root', () => {
    expect(parseGoWork('go.work', 'go 1.22\nuse ./api\n').uses).toEqual([
      { dir: 'api', line: 2 },
    ]);
  });

  it('throws GoModSyntaxError with the line for a malformed directive', () => {
    expect(() => parseGoWork('go.work', 'go 1.22\nuse a b\n')).toThrow(
      new GoModSyntaxError('go.work', 2, 'usage: use local/dir'),
    );
    expect(() => parseGoWork('go.work', 'replace a =>\n')).toThrow(
      GoModSyntaxError,
    );
  });
});
