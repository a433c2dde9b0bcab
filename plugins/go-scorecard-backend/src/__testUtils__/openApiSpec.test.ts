import { specViolations } from './openApiSpec';

describe('specViolations', () => {
  it('finds what does not match the spec', () => {
    expect(
      specViolations('get', '/report', 200, { items: 'nope' }),
    ).not.toEqual([]);
    expect(
      specViolations('get', '/entities/{kind}/{namespace}/{name}', 200, {
        schemaVersion: 1,
        checks: [{ id: 'go-get-install', status: 'maybe' }],
      }),
    ).not.toEqual([]);
  });

  it('refuses a response the spec does not describe', () => {
    expect(() => specViolations('get', '/nowhere', 200, {})).toThrow(
      'openapi.yaml describes no JSON 200 response for GET /nowhere',
    );
  });
});
