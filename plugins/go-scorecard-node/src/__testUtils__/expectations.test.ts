import { wantsOnLine, wantsWithMessages } from './expectations';

describe('wantsOnLine', () => {
  it('reads Go and go.mod want comments', () => {
    expect(
      wantsOnLine(
        '\tctx, _ := context.WithTimeout(ctx, d) // want "context-cancel-discarded"',
      ),
    ).toEqual(['context-cancel-discarded']);
    expect(wantsOnLine('x() // want "a-b" "c"')).toEqual(['a-b', 'c']);
  });

  it('reads hash want comments', () => {
    expect(
      wantsOnLine('\tgo get -u example.com/cmd/x # want: go-get-install'),
    ).toEqual(['go-get-install']);
    expect(
      wantsOnLine('  value: "a:1" # want: grpc-short-target, k8s-ndots'),
    ).toEqual(['grpc-short-target', 'k8s-ndots']);
  });

  it('ignores other comments', () => {
    expect(wantsOnLine('// wanted: nothing')).toEqual([]);
    expect(wantsOnLine('x := 1 // want')).toEqual([]);
  });
});

describe('wantsWithMessages', () => {
  it('reads an optional message regexp after the check id', () => {
    expect(
      wantsWithMessages(
        'x() // want "context-cancel-discarded: cancel.*discarded" "b"',
      ),
    ).toEqual([
      { id: 'context-cancel-discarded', message: /cancel.*discarded/ },
      { id: 'b' },
    ]);
    expect(
      wantsWithMessages(
        '\tgo get x/cmd/y # want: go-get-install "go install", k8s-ndots',
      ),
    ).toEqual([
      { id: 'go-get-install', message: /go install/ },
      { id: 'k8s-ndots' },
    ]);
  });
});
