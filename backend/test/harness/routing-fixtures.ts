import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Role } from '../../src/common/access/index.ts';
import { DemoIdentityProvider } from '../../src/modules/auth/index.ts';
import { eventually } from './kefu-process.ts';
import { signInWithAuthorizationCode } from './oidc-sign-in.ts';
import type { TestApp } from './test-app.ts';
import { visitorToken } from './widget-client.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
export type ApiResult = { status: number; body: any };

/** One HTTP call with a bearer token; the JSON body comes back parsed (empty for 204). */
export async function api(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export interface StaffMember {
  /** The subject id routing and tickets know them by. */
  id: string;
  username: string;
  token: string;
  call(method: string, path: string, body?: unknown): Promise<ApiResult>;
}

/** A named member of staff in the built-in identity provider, signed in through the authorization-code flow. */
export async function signInStaff(kefu: TestApp, username: string, roles: Role[]): Promise<StaffMember> {
  const password = randomBytes(12).toString('base64url');
  const user = await kefu.app.get(DemoIdentityProvider).directory.upsert(username, roles, password);
  const { access_token: token } = await signInWithAuthorizationCode(kefu.baseUrl, username, password);
  return { id: user.id, username, token, call: (method, path, body) => api(kefu.baseUrl, token, method, path, body) };
}

export interface WaitingCustomer {
  baseUrl: string;
  token: string;
  conversationId: string;
  call(method: string, path: string, body?: unknown): Promise<ApiResult>;
}

/** A customer who starts a conversation over the REST API and asks the bot for a person. */
export async function customerAskingForAgent(baseUrl: string, token?: string): Promise<WaitingCustomer> {
  const visitor = token ?? (await visitorToken(baseUrl));
  const call = (method: string, path: string, body?: unknown) => api(baseUrl, visitor, method, path, body);
  const started = await call('POST', '/api/v1/conversations', { language: 'zh' });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  const conversationId = started.body.conversation.id as string;
  const sent = await call('POST', `/api/v1/conversations/${conversationId}/messages`, {
    clientMessageId: 'ask-agent',
    text: '转人工',
  });
  if (sent.body?.conversation?.state !== 'queued') throw new Error(`no handoff: ${JSON.stringify(sent.body)}`);
  return { baseUrl, token: visitor, conversationId, call };
}

/** A customer who asked the bot for a person, once routing has assigned them to an agent (within 15 seconds). */
export async function customerServedByAgent(kefu: TestApp): Promise<WaitingCustomer> {
  const customer = await customerAskingForAgent(kefu.baseUrl);
  await eventually(async () => {
    const rows = await query(kefu, "SELECT 1 FROM routing_queue WHERE conversation_id = $1 AND state = 'assigned'", [
      customer.conversationId,
    ]);
    return rows.length === 1;
  }, 15_000);
  return customer;
}

/**
 * Read-only SQL for checks no API exposes. Given the app, through its own pool: a test that opens connections of its
 * own can be refused by a server that several test apps' pools have filled. Given a database URL, on a connection of
 * its own.
 */
export async function query<T = Record<string, unknown>>(
  target: TestApp | string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  if (typeof target !== 'string') return (await target.app.get(DataSource).query(sql, values)) as T[];
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A supervisor, and an agent online in a new group that receives the bot's handoffs: customers reach them at once. */
export async function agentOnDuty(
  kefu: TestApp,
  names: { supervisor: string; agent: string; group: string },
): Promise<{ supervisor: StaffMember; agent: StaffMember }> {
  const supervisor = await signInStaff(kefu, names.supervisor, [Role.Supervisor]);
  const agent = await signInStaff(kefu, names.agent, [Role.Agent]);
  const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: names.group, handoffDefault: true });
  await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`);
  await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' });
  return { supervisor, agent };
}
