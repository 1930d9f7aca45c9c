import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { webPages } from './serve-static';

function appWithPages() {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-pages-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>pages</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'export {};');
  const app = new Hono();
  app.get('/api/agents', (c) => c.json([]));
  app.use(webPages({ root }));
  return app;
}

describe('webPages', () => {
  it('answers page paths with index.html under a restrictive content security policy', async () => {
    const res = await appWithPages().request('/supervisor/agents/a1');

    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>pages</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await appWithPages().request('/assets/app-1a2b.js');

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves API paths and missing files to the routes after it', async () => {
    const app = appWithPages();

    expect((await app.request('/api/agents')).status).toBe(200);
    expect((await app.request('/api/nothing')).status).toBe(404);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('passes everything on while the pages are not built', async () => {
    const app = new Hono();
    app.use(webPages({ root: mkdtempSync(join(tmpdir(), 'switchboard-empty-')) }));

    expect((await app.request('/agent')).status).toBe(404);
  });
});
