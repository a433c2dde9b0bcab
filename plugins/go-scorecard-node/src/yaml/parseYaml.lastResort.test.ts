import * as yaml from 'yaml';
import { readManifest } from '../k8s/readManifest';
import { deepYaml } from '../__testUtils__/deepYaml';
import { parseYaml, parseYamlDocument } from './parseYaml';
import { YamlTooDeepError } from './yamlDepth';

// Without the pre-scan, to see the last resort: the parser's stack overflow becomes the
// same refusal.
jest.mock('./yamlDepth', () => ({
  ...jest.requireActual('./yamlDepth'),
  assertYamlDepth: () => {},
}));
jest.mock('yaml', () => {
  const actual = jest.requireActual('yaml');
  return { ...actual, parseAllDocuments: jest.fn(actual.parseAllDocuments) };
});

describe('parseYaml without the depth pre-scan', () => {
  it('turns the overflow the parser reports into a YamlTooDeepError naming the line', () => {
    let error: unknown;
    try {
      parseYaml(deepYaml.flowSequence(20_000));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlTooDeepError);
    expect((error as Error).message).toBe(
      'YAML nested too deeply to parse at line 1',
    );
    expect(() =>
      parseYamlDocument(deepYaml.flowMapping(20_000), {}, 'JSON'),
    ).toThrow(/^JSON nested too deeply to parse/);
  });

  it('turns a RangeError the parser throws into a YamlTooDeepError', () => {
    jest.mocked(yaml.parseAllDocuments).mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(() => parseYaml('a: 1\n')).toThrow(
      new YamlTooDeepError('YAML nested too deeply to parse'),
    );
  });

  it('gives a workload manifest the same note and input failure', () => {
    const read = readManifest(
      'deploy/api.yaml',
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  x: ${deepYaml.flowSequence(
        20_000,
      )}`,
    );
    expect(read.notes).toEqual([
      'YAML nested too deeply to parse at line 4; not read',
    ]);
    expect(read.failure).toBe(
      'YAML nested too deeply to parse at line 4; not read',
    );
  });
});
