import { braceExpansion } from './braceExpansion';

describe('braceExpansion', () => {
  it.each([
    [
      'github.com/gogo/protobuf/{proto,protoc-gen-gogo}',
      [
        'github.com/gogo/protobuf/proto',
        'github.com/gogo/protobuf/protoc-gen-gogo',
      ],
    ],
    ['x/{a,b}/{c,d}', ['x/a/c', 'x/a/d', 'x/b/c', 'x/b/d']],
    ['{a,b{c,d}}', ['a', 'bc', 'bd']],
    ['pre{,-suffix}', ['pre', 'pre-suffix']],
    ['${HOME}/bin', undefined],
    ['{}', undefined],
    ['{single}', undefined],
    ['plain', undefined],
  ])('%s expands to %j', (word, expected) => {
    expect(braceExpansion(word, word)).toEqual(expected);
  });

  it('leaves a word with quotes or escapes whole', () => {
    expect(braceExpansion('x/{a,b}', "'x/{a,b}'")).toBeUndefined();
    expect(braceExpansion('x/{a,b}', 'x/\\{a,b}')).toBeUndefined();
  });
});
