import { Role } from '../src/common/access/index.ts';
import type { ChatMessage } from '../src/modules/conversations/index.ts';
import { api, query, type StaffMember, signInStaff } from './harness/routing-fixtures.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';
import { visitorToken, WidgetClient } from './harness/widget-client.ts';

const CARD = '6228 4801 2345 6789';

/** Internal notes: staff write them about a conversation; the customer never sees one, on any path. */
describe('internal notes on a conversation', () => {
  let kefu: TestApp;
  let supervisor: StaffMember;
  let agent: StaffMember;
  let other: StaffMember;
  let widget: WidgetClient;

  beforeAll(async () => {
    kefu = await startTestApp({ env: { KEFU_ROUTING_SWEEP_INTERVAL_MS: '200' } });
    supervisor = await signInStaff(kefu, 'sup-he', [Role.Supervisor]);
    agent = await signInStaff(kefu, 'agent-ma', [Role.Agent]);
    other = await signInStaff(kefu, 'agent-lu', [Role.Agent]);
    const group = await supervisor.call('POST', '/api/v1/routing/groups', { name: 'notes', handoffDefault: true });
    expect((await supervisor.call('PUT', `/api/v1/routing/groups/${group.body.id}/members/${agent.id}`)).status).toBe(
      200,
    );
    expect((await agent.call('PUT', '/api/v1/routing/me/presence', { presence: 'online' })).status).toBe(200);
  });
  afterAll(async () => {
    widget?.close();
    await kefu?.close();
  });

  it('keeps notes among staff: encrypted at rest, masked, never in the widget, the visitor API or its history', async () => {
    const token = await visitorToken(kefu.baseUrl);
    widget = await WidgetClient.connect(kefu.baseUrl, token);
    const started = await widget.call('start', { language: 'zh' });
    const conversationId = started.conversation.id as string;
    const handed = await widget.call('send', { conversationId, clientMessageId: 'w-1', text: '转人工' });
    const joined = await widget.waitForPushed(handed.replies.at(-1).seq + 1);
    expect(joined.text).toBe('客服 agent-ma 为您服务。');
    const notes = `/api/v1/agent/conversations/${conversationId}/notes`;

    const secret = `客户疑似被电信诈骗，卡号 ${CARD}，请勿透露给客户`;
    const added = await agent.call('POST', notes, { text: secret });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ authorId: agent.id, authorName: 'agent-ma', shredded: false });
    expect(added.body.text).toContain('622848******6789');
    expect(added.body.text).not.toContain(CARD);
    expect((await supervisor.call('POST', notes, { text: '班长已知悉，继续跟进' })).status).toBe(201);
    const blank = await agent.call('POST', notes, { text: '  ' });
    expect(blank.status).toBe(400);
    // A retry of the same draft (its answer was lost) returns the note stored the first time; a bad id is named.
    const draft = { text: '已核实身份', clientNoteId: 'n-1' };
    const first = await supervisor.call('POST', notes, draft);
    const retried = await supervisor.call('POST', notes, { ...draft, text: '已核实身份（重发）' });
    expect(retried.body).toEqual(first.body);
    const badId = await supervisor.call('POST', notes, { text: 'x', clientNoteId: 'not an id' });
    expect(badId.status).toBe(400);
    expect(badId.body.violations).toEqual([expect.objectContaining({ field: 'clientNoteId', rule: 'matches' })]);

    // The same access as the transcript: the agent serving it and supervisors, nobody else.
    const listed = await agent.call('GET', notes);
    expect(listed.status).toBe(200);
    expect(listed.body.map((note: { authorName: string }) => note.authorName)).toEqual([
      'agent-ma',
      'sup-he',
      'sup-he',
    ]);
    expect((await supervisor.call('GET', notes)).body).toHaveLength(3);
    expect((await other.call('GET', notes)).status).toBe(403);
    expect((await other.call('POST', notes, { text: '我也来写' })).status).toBe(403);
    expect([401, 403]).toContain((await api(kefu.baseUrl, token, 'GET', notes)).status);
    expect([401, 403]).toContain((await api(kefu.baseUrl, token, 'POST', notes, { text: 'x' })).status);

    // The conversation goes on; the customer's every view of it holds the reply and no note.
    const reply = await agent.call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, {
      clientMessageId: 'a-1',
      text: '您好，请问有什么可以帮您？',
    });
    expect(reply.status).toBe(201);
    await widget.waitForPushed(reply.body.message.seq);
    const rejoined = await widget.call('join', { conversationId, afterSeq: 0 });
    const history = await api(
      kefu.baseUrl,
      token,
      'GET',
      `/api/v1/conversations/${conversationId}/messages?afterSeq=0`,
    );
    expect(history.status).toBe(200);
    for (const seen of [widget.pushed, rejoined.messages, history.body.messages] as ChatMessage[][]) {
      expect(seen.map((message) => message.text)).toContain('您好，请问有什么可以帮您？');
      const text = JSON.stringify(seen);
      expect(text).not.toContain('诈骗');
      expect(text).not.toContain('班长已知悉');
    }
    const transcript = await agent.call('GET', `/api/v1/agent/conversations/${conversationId}/messages?afterSeq=0`);
    expect(JSON.stringify(transcript.body)).not.toContain('诈骗');

    // At rest the note is a transcripts-key envelope, bound to its row.
    const rows = await query<{ body: Buffer }>(kefu, 'SELECT body FROM conversation_notes WHERE conversation_id = $1', [
      conversationId,
    ]);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.body.toString('utf8')).not.toContain('诈骗');
      expect(row.body.toString('utf8')).not.toContain('6789');
    }
  });
});
