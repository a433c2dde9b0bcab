const mockAdded: unknown[] = [];
const mockStart = jest.fn();

jest.mock('@backstage/backend-defaults', () => ({
  createBackend: () => ({
    add: (feature: unknown) => {
      // The plugins are dynamic imports; only what is added matters here.
      if (feature instanceof Promise) feature.catch(() => {});
      mockAdded.push(feature);
    },
    start: mockStart,
  }),
}));

/**
 * `yarn start` (the README's `./run start`) runs this file under NODE_ENV=development,
 * where Backstage's own root router would put stacks into error bodies.
 */
describe('the backend the README starts', () => {
  it('uses the root router whose error bodies carry no stack or server path', () => {
    let expected: unknown;
    jest.isolateModules(() => {
      require('./index');
      expected =
        require('./modules/errorResponses').rootHttpRouterWithoutServerDetails;
    });
    expect(mockStart).toHaveBeenCalled();
    expect(expected).toBeDefined();
    expect(mockAdded).toContain(expected);
  });
});
