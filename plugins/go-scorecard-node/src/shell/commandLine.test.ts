import { WordToken } from './tokenize';
import { containerCommand } from './commandLine';

const words = (line: string): WordToken[] => {
  let at = 0;
  return line.split(' ').map(value => {
    const w = { kind: 'word' as const, value, raw: value, start: at, end: 0 };
    at += value.length + 1;
    w.end = w.start + value.length;
    return w;
  });
};
const run = (line: string) =>
  containerCommand(words(line))
    ?.map(w => w.value)
    .join(' ');

describe('containerCommand', () => {
  it('gives the command after the image or container, past the flags', () => {
    expect(run('docker run --rm -i -v /a:/src -w /src golang:1.14 bash')).toBe(
      'bash',
    );
    expect(
      run(
        'docker run -it --rm -e CGO_ENABLED=0 --workdir=/src golang go get x',
      ),
    ).toBe('go get x');
    expect(run('podman container run --name b golang sh -c script')).toBe(
      'sh -c script',
    );
    expect(run('docker exec -it builder go get x')).toBe('go get x');
    expect(run('kubectl exec deploy/b -c go -- go get x')).toBe('go get x');
  });

  it('gives nothing for other command lines or none in the container', () => {
    expect(run('docker build -t x .')).toBeUndefined();
    expect(run('docker run --rm golang')).toBeUndefined();
    expect(run('kubectl exec deploy/b')).toBeUndefined();
    expect(run('go get x')).toBeUndefined();
  });
});
