/** The OpenAPI document describes the routes, their schemas and security. */
import { describe, expect, it } from 'vitest';
import { apiKit } from './api-test-kit.js';

describe('GET /api/openapi.json', () => {
  it('describes each route with its request and response schemas', async () => {
    const k = await apiKit();

    const doc = (await k.call('GET', '/api/openapi.json')).body;

    const create = doc.paths['/api/contacts'].post;
    expect(doc.openapi).toBe('3.1.0');
    expect(create.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/NewContact',
    );
    expect(Object.keys(create.responses).sort()).toEqual(['201', '400', '422', '429']);
    expect(create.responses['422'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    expect(doc.paths['/api/contacts/{id}/position'].post.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
    });
  });

  it('names the schemas clients share and the two ways to sign in', async () => {
    const k = await apiKit();

    const doc = (await k.call('GET', '/api/openapi.json')).body;

    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Problem',
        'Contact',
        'ContactDetail',
        'Agent',
        'Queue',
        'Customer',
        'CreatedContact',
        'SignedIn',
      ]),
    );
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
    });
    expect(doc.paths['/api/agents'].get.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
