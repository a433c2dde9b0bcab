/* eslint-disable no-console */
/*
 * `yarn generate:types`: writes src/generated/openapi.ts (the REST API's wire types) from
 * plugins/go-scorecard-backend/src/schema/openapi.yaml with openapi-typescript.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderOpenApiTypes, typesPath } from './openapiTypes';

renderOpenApiTypes().then(
  text => {
    writeFileSync(typesPath, text);
    console.log(`Wrote ${relative(process.cwd(), typesPath)}`);
  },
  error => {
    console.error(error);
    process.exitCode = 1;
  },
);
