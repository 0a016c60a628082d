import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../src/common/access/index.ts';
import { SIGNATURE_HEADER, verifyWebhook } from '../src/modules/conversations/index.ts';
import { auditEvents } from './harness/audit-events.ts';
import { eventually } from './harness/kefu-process.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken } from './harness/widget-client.ts';

interface Received {
  body: string;
  signature: string;
  deliveryId: string;
}

/** A bank system receiving webhooks; it fails the first delivery on purpose to show the retry. */
class Receiver {
  readonly received: Received[] = [];
  failuresLeft = 1;
  private readonly server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      response.writeHead(503).end();
      return;
    }
    this.received.push({
      body,
      signature: String(request.headers[SIGNATURE_HEADER]),
      deliveryId: String(request.headers['x-kefu-delivery']),
    });
    response.writeHead(204).end();
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/kefu-events`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('webhooks to a bank system for API conversations', () => {
  let kefu: TestApp;
  const receiver = new Receiver();
  let admin: string;

  beforeAll(async () => {
    kefu = await startTestApp();
    admin = await staffToken(kefu, [Role.SystemAdmin]);
  });
  afterAll(async () => {
    await receiver.close();
    await kefu.close();
  });

  async function call(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${kefu.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
  }

  it('delivers every message signed, retries a failing receiver, and audits the subscription', async () => {
    const url = await receiver.start();
    const created = await call('POST', '/api/v1/webhooks', admin, { url, description: 'app gateway' });
    expect(created.status).toBe(201);
    const { secret, subscription } = created.body;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await call('GET', '/api/v1/webhooks', admin);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const visitor = await visitorToken(kefu.baseUrl);
    const started = await call('POST', '/api/v1/conversations', visitor, { language: 'zh' });
    const id = started.body.conversation.id;
    await call('POST', `/api/v1/conversations/${id}/messages`, visitor, { clientMessageId: 'w-1', text: '你好' });

    // The greeting and the turn: two deliveries, the first of them after one refused attempt.
    await eventually(async () => receiver.received.length >= 2, 45_000);
    const seqs = receiver.received.flatMap((delivery) => {
      expect(verifyWebhook(secret, delivery.body, delivery.signature)).toBe(true);
      expect(verifyWebhook('another-secret', delivery.body, delivery.signature)).toBe(false);
      const body = JSON.parse(delivery.body);
      expect(body).toMatchObject({ event: 'messages', conversationId: id, deliveryId: delivery.deliveryId });
      return body.messages.map((message: { seq: number }) => message.seq);
    });
    expect(seqs.sort()).toEqual([1, 2, 3]);
    expect(receiver.failuresLeft).toBe(0);

    const events = await auditEvents(kefu, { action: 'config.change', targetType: 'webhook-subscription' });
    expect(events).toEqual([
      expect.objectContaining({ targetId: subscription.id, details: expect.objectContaining({ operation: 'create' }) }),
    ]);

    expect((await call('DELETE', `/api/v1/webhooks/${subscription.id}`, admin)).status).toBe(204);
    expect((await call('DELETE', `/api/v1/webhooks/${subscription.id}`, admin)).status).toBe(404);
  });

  it('lets only the system administrator manage subscriptions, and validates the URL', async () => {
    const agent = await staffToken(kefu, [Role.Agent]);
    expect((await call('GET', '/api/v1/webhooks', agent)).status).toBe(403);
    const bad = await call('POST', '/api/v1/webhooks', admin, { url: 'ftp://example', description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((violation: { field: string }) => violation.field).sort()).toEqual([
      'description',
      'url',
    ]);
  });
});

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
