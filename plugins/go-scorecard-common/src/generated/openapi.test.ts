import {
  readOpenApiTypes,
  renderOpenApiTypes,
} from '../../scripts/openapiTypes';

describe('generated/openapi.ts', () => {
  it('is up to date with the backend openapi.yaml (else run `yarn generate:types`)', async () => {
    expect(readOpenApiTypes()).toBe(await renderOpenApiTypes());
  });
});
