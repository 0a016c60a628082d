import { Role } from '../../src/common/access/index.ts';
import { staffToken } from './staff-token.ts';
import type { TestApp } from './test-app.ts';

export interface AuditedEvent {
  seq: number;
  actorId: string;
  actorRoles: string[];
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Reads the trail the way a compliance officer does: through the auditor API with an auditor's token. */
export async function auditEvents(kefu: TestApp, filter: Record<string, string>): Promise<AuditedEvent[]> {
  const token = await staffToken(kefu, [Role.Auditor]);
  const url = new URL(`${kefu.baseUrl}/api/v1/audit/events`);
  url.search = new URLSearchParams(filter).toString();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`audit search: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: AuditedEvent[] }).items;
}
