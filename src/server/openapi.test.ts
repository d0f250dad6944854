import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './build.js';
import { openApiDocument } from './openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: the test walks an arbitrary JSON document.
type Json = Record<string, any>;
const doc = openApiDocument(ROUTES, '0.0.0') as Json;

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the default export's default.
  (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  ajv.addSchema(doc.components.schemas.Problem, '#/components/schemas/Problem');
  return ajv;
}

describe('the OpenAPI document', () => {
  it('has an operation for every route, each with a unique operationId and its path parameters', () => {
    const ops = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    // Every route, plus the four probes at the root.
    expect(ops).toHaveLength(ROUTES.length + 4);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ROUTES.length + 4);
    for (const probe of ['/health/live', '/health/ready', '/health/startup', '/metrics'])
      expect(doc.paths[probe].get.security).toEqual([]);
    for (const { path, op } of ops) {
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
        expect(op.parameters, `${path} {${name}}`).toContainEqual(
          expect.objectContaining({ name, in: 'path', required: true }),
        );
    }
  });

  it('holds JSON Schemas (2020-12) that compile, and examples that satisfy them', () => {
    const ajv = validator();
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const body = op.requestBody?.content['application/json'];
        if (body) {
          const validate = ajv.compile(body.schema);
          if (body.example !== undefined) {
            expect(
              validate(body.example),
              `${method} ${path} body example: ${ajv.errorsText(validate.errors)}`,
            ).toBe(true);
            checked++;
          }
        }
        for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
          for (const media of Object.values((res.content ?? {}) as Record<string, Json>)) {
            if (!media.schema || media.schema.$ref) continue;
            const validate = ajv.compile(media.schema);
            if (media.example !== undefined) {
              expect(
                validate(media.example),
                `${method} ${path} ${status} example: ${ajv.errorsText(validate.errors)}`,
              ).toBe(true);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('marks public operations as needing no credentials and the rest as bearer-protected', () => {
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/items'].get.security).toBeUndefined();
  });
});
