import { parseGoSum } from './parseGoSum';

describe('parseGoSum', () => {
  it('reads zip and go.mod lines with their line numbers', () => {
    const text = [
      'github.com/golang/protobuf v1.3.5 h1:F768QJ1E9tib+q5Sc8MkdJi1RxLTbRcTf8LJV56aRls=',
      'github.com/golang/protobuf v1.3.5/go.mod h1:6O5/vntMXwX2lRkT1hjjk0nAC1IDOTvTlVgjlRvqsdk=',
      '',
      'google.golang.org/protobuf v1.33.0/go.mod h1:c6P6GXX6sHbq/GpV6MGZEdwhWPcYBgnhAHhKbcUYpos=',
    ].join('\r\n');
    expect(parseGoSum(text)).toEqual([
      {
        path: 'github.com/golang/protobuf',
        version: 'v1.3.5',
        goMod: false,
        line: 1,
      },
      {
        path: 'github.com/golang/protobuf',
        version: 'v1.3.5',
        goMod: true,
        line: 2,
      },
      {
        path: 'google.golang.org/protobuf',
        version: 'v1.33.0',
        goMod: true,
        line: 4,
      },
    ]);
  });

  it('rejects a malformed line, naming file and line', () => {
    expect(() =>
      parseGoSum('a v1.0.0 h1:x=\nb v1.0.0\n', 'svc/go.sum'),
    ).toThrow('svc/go.sum:2: malformed go.sum line');
    expect(() => parseGoSum('a v1.0.0 nohash\n')).toThrow(
      'go.sum:1: malformed go.sum hash',
    );
  });

  it('accepts an empty file', () => {
    expect(parseGoSum('')).toEqual([]);
    expect(parseGoSum('\n\n')).toEqual([]);
  });
});
