import type { ErrorBody } from '../src/common/errors/error-body.ts';
import { CreateProbeItemsTable1700000000000, ProbeModule } from './fixtures/probe.module.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('the HTTP pipeline', () => {
  let kefu: TestApp;

  beforeAll(async () => {
    kefu = await startTestApp({
      env: { KEFU_HTTP_BODY_LIMIT_BYTES: '2048' },
      extraModules: [ProbeModule],
      extraMigrations: [CreateProbeItemsTable1700000000000],
    });
  });
  afterAll(() => kefu.close());

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${kefu.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('applies migrations at start and serves a valid request end to end', async () => {
    const response = await post('/probe/items', JSON.stringify({ name: 'first', labels: [{ text: 'vip' }] }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 1 });
  });

  it('answers an unknown route with 404 not_found', async () => {
    const response = await fetch(`${kefu.baseUrl}/no/such/route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'not_found',
      message: 'Cannot GET /no/such/route',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('answers a malformed JSON body with 400 malformed_body', async () => {
    const response = await post('/probe/items', '{"name": "unterminated');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'malformed_body',
      message: 'body: the request body is not valid JSON',
    });
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const response = await post('/probe/items', JSON.stringify({ name: 'x'.repeat(4096) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers an unaccepted media type with 415', async () => {
    const response = await post('/probe/items', '<item name="x"/>', 'application/xml');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('names every invalid field and the rule it broke, including nested and unknown ones', async () => {
    const response = await post(
      '/probe/items',
      JSON.stringify({ name: 42, priority: 9, labels: [{ text: 'far too long a label' }], colour: 'red' }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toBe('validation_failed');
    expect(body.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', rule: 'isString' }),
        expect.objectContaining({ field: 'priority', rule: 'max' }),
        expect.objectContaining({ field: 'labels[0].text', rule: 'maxLength' }),
        expect.objectContaining({ field: 'colour', rule: 'unknownProperty' }),
      ]),
    );
  });

  it('refuses what PostgreSQL or the validator cannot take, naming the field: a NUL character, deep nesting', async () => {
    const violationsOf = async (body: string) => {
      const response = await post('/probe/items', body);
      return { status: response.status, violations: ((await response.json()) as ErrorBody).violations };
    };
    expect(await violationsOf(JSON.stringify({ name: 'a\u0000b' }))).toEqual({
      status: 400,
      violations: [{ field: 'name', rule: 'noNulCharacter', message: expect.any(String) }],
    });
    expect(await violationsOf('[{"name":"x"}]')).toEqual({
      status: 400,
      violations: [{ field: 'body', rule: 'isObject', message: 'body must be a JSON object' }],
    });
    const plainText = await post('/probe/items', 'name=x', 'text/plain');
    expect(((await plainText.json()) as ErrorBody).violations).toEqual([expect.objectContaining({ rule: 'isObject' })]);
    expect(await violationsOf(`{"name":"x","labels":${'['.repeat(500)}${']'.repeat(500)}}`)).toEqual({
      status: 400,
      violations: [{ field: expect.stringMatching(/^labels/), rule: 'maxDepth', message: expect.any(String) }],
    });
  });

  it('answers a server error with the request id and nothing internal', async () => {
    const response = await fetch(`${kefu.baseUrl}/probe/broken`, { headers: { 'x-request-id': 'trace-0123456789' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      error: 'internal_error',
      message: 'An internal error occurred; quote the request id to the operator',
      requestId: 'trace-0123456789',
    });
    expect(text).not.toMatch(/table_that_does_not_exist|s3cret|at |stack/);
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    const kept = await fetch(`${kefu.baseUrl}/healthz`, { headers: { 'x-request-id': 'gateway-abcdef123' } });
    expect(kept.headers.get('x-request-id')).toBe('gateway-abcdef123');
    const replaced = await fetch(`${kefu.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id; forged=1' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes latency, pool and event-loop metrics for Prometheus', async () => {
    await fetch(`${kefu.baseUrl}/healthz`);
    const response = await fetch(`${kefu.baseUrl}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /kefu_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    expect(text).toMatch(/kefu_db_pool_connections \d+/);
    expect(text).toMatch(/kefu_nodejs_eventloop_lag_seconds/);
  });

  it('publishes an OpenAPI description generated from the code', async () => {
    const response = await fetch(`${kefu.baseUrl}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { info: { title: string }; paths: Record<string, { post?: unknown }> };
    expect(document.info.title).toBe('Kefu API');
    expect(document.paths['/probe/items'].post).toBeDefined();
  });

  it('lets an in-flight request finish while the app shuts down', async () => {
    const inFlight = fetch(`${kefu.baseUrl}/probe/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = kefu.app.close();
    const response = await inFlight;
    await closing;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await expect(fetch(`${kefu.baseUrl}/healthz`)).rejects.toThrow();
  });
});
