import { DockerfileStages, dockerSubstitute } from './dockerfileStages';

describe('dockerSubstitute', () => {
  it('expands the forms the Dockerfile reference names, and leaves unknown names', () => {
    const known = { A: 'x', E: '' };
    expect(dockerSubstitute('$A/${A}', known)).toBe('x/x');
    expect(dockerSubstitute('${A:-d} ${E:-d} ${A:+p} ${E:+p}.', known)).toBe(
      'x d p .',
    );
    expect(dockerSubstitute('$PATH:/go/bin ${GOPATH:-/go}', known)).toBe(
      '$PATH:/go/bin ${GOPATH:-/go}',
    );
  });
});

describe('DockerfileStages', () => {
  it('lets ENV win over an ARG of the same name, and expands values in order', () => {
    const s = new DockerfileStages();
    s.from('golang:1.22 AS build');
    s.arg([{ name: 'V', value: 'v1' }]);
    s.env([
      { name: 'V', value: 'v2' },
      { name: 'W', value: '${V}-w' },
    ]);
    // one ENV line expands with the values before it (`W` sees the ARG's `v1`)
    expect(s.environment()).toEqual({ V: 'v2', W: 'v1-w' });
  });

  it('starts a stage FROM a named stage with its ENV, any other with nothing', () => {
    const s = new DockerfileStages();
    s.from('--platform=$BUILDPLATFORM golang:1.13 as tools');
    s.env([{ name: 'GO111MODULE', value: 'off' }]);
    s.arg([{ name: 'A', value: '1' }]);
    s.from('TOOLS');
    expect(s.environment()).toEqual({ GO111MODULE: 'off' });
    s.from('golang:1.22 AS tools2');
    expect(s.environment()).toEqual({});
  });

  it('sees nothing before the first FROM', () => {
    const s = new DockerfileStages();
    s.arg([{ name: 'A', value: '1' }]);
    s.env([{ name: 'B', value: '2' }]);
    expect(s.environment()).toEqual({});
  });
});
