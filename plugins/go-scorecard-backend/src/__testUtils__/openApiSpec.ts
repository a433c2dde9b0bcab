import Ajv2020 from 'ajv/dist/2020';
import { spec } from '../schema/openapi.generated';

// OpenAPI 3.1 schemas are JSON Schema 2020-12.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', value => !Number.isNaN(Date.parse(value)));
ajv.addSchema({ $id: 'spec', components: spec.components });

/** Follows a `$ref` into the spec's components. */
function deref(node: any): any {
  const ref: string | undefined = node?.$ref;
  if (!ref) return node;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((n: any, key: string) => n[key], spec);
}

/** Rewrites local `$ref`s so they resolve against the registered spec. */
function anchored(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'),
  );
}

/**
 * The spec's JSON schema for a route's response, e.g. `('get', '/report', 200)`; throws
 * when the spec does not describe that response.
 */
function responseSchema(method: string, path: string, status: number): unknown {
  const paths: Record<string, any> = spec.paths;
  const response = deref(paths[path]?.[method]?.responses?.[String(status)]);
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) {
    throw new Error(
      `openapi.yaml describes no JSON ${status} response for ${method.toUpperCase()} ${path}`,
    );
  }
  return schema;
}

/**
 * The validation errors of a response body against the spec (empty when it conforms):
 * the spec is the contract, so every JSON answer the tests see is checked against it.
 */
export function specViolations(
  method: 'get' | 'post',
  path: string,
  status: number,
  body: unknown,
): string[] {
  const validate = ajv.compile(
    anchored(responseSchema(method, path, status)) as object,
  );
  return validate(body)
    ? []
    : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`);
}
