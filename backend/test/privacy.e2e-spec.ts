import { Logger } from '@nestjs/common';
import { Role } from '../src/common/access/index.ts';
import { AuditTrail, AuditVerification } from '../src/modules/audit/index.ts';
import { FieldCipher, KeyDestroyedError } from '../src/modules/crypto/index.ts';
import { api, type DataProtectionApp, startDataProtectionApp } from './fixtures/data-protection-app.ts';
import { mobileNumber, residentIdNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { scanDatabase, scannedTables } from './fixtures/personal-data-scan.ts';
import { staffToken } from './harness/staff-token.ts';

const random = seededRandom(47);
const NAMES = ['张伟明', '王秀英', '李建国', '刘晓燕', '陈志强'];
const customers = NAMES.map((name) => ({ name, phone: mobileNumber(random), idNumber: residentIdNumber(random) }));
const plaintexts = customers.flatMap((c) => [c.name, c.phone, c.idNumber]);

describe('personal data end to end: masked, revealed with a reason, searchable, erased, never in the clear', () => {
  let kefu: DataProtectionApp;
  let agent: ReturnType<typeof api>;
  let supervisor: ReturnType<typeof api>;
  let securityAdmin: ReturnType<typeof api>;
  const ids: string[] = [];

  beforeAll(async () => {
    kefu = await startDataProtectionApp();
    agent = api(kefu, await staffToken(kefu, [Role.Agent]));
    supervisor = api(kefu, await staffToken(kefu, [Role.Supervisor]));
    securityAdmin = api(kefu, await staffToken(kefu, [Role.SecurityAdmin]));
    for (const customer of customers) {
      const created = await agent('POST', 'privacy/customer-profiles', customer);
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
  });
  afterAll(async () => {
    await kefu.close();
  });

  it('shows staff only masked values', async () => {
    const [first] = customers;
    const { status, body } = await agent('GET', `privacy/customer-profiles/${ids[0]}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: ids[0],
      name: '张**',
      phone: `${first?.phone.slice(0, 3)}****${first?.phone.slice(-4)}`,
      idNumber: `${first?.idNumber.slice(0, 6)}********${first?.idNumber.slice(-4)}`,
      createdAt: expect.any(String),
    });
  });

  it('refuses invalid identifiers at the edge', async () => {
    const bad = await agent('POST', 'privacy/customer-profiles', {
      name: '赵六',
      phone: '12812345678',
      idNumber: '110105194912310021',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('110105194912310021');
  });

  it('finds a customer by phone through the blind index, however the number is written', async () => {
    const second = customers[1] as (typeof customers)[number];
    const written = `+86 ${second.phone.slice(0, 3)}-${second.phone.slice(3, 7)}-${second.phone.slice(7)}`;
    const { status, body } = await agent('POST', 'privacy/customer-profiles/search', { phone: written });
    expect(status).toBe(200);
    expect(body).toEqual([expect.objectContaining({ id: ids[1], name: '王**' })]);
    const none = await agent('POST', 'privacy/customer-profiles/search', { phone: '13900000000' });
    expect(none.body).toEqual([]);
  });

  it('reveals a field only to a permitted role, with a reason, and audits it', async () => {
    const request = { profileId: ids[0], field: 'idNumber', reason: '客户来电办理挂失，需核对身份证号' };
    expect((await agent('POST', 'privacy/reveal', request)).status).toBe(403);
    expect((await supervisor('POST', 'privacy/reveal', { ...request, reason: '核对' })).status).toBe(400);
    expect((await supervisor('POST', 'privacy/reveal', { ...request, reason: ' '.repeat(12) })).status).toBe(400);
    const nameOnly = await agent('POST', 'privacy/customer-profiles', { name: '孙七' });
    const unrecorded = { ...request, profileId: nameOnly.body.id, field: 'phone' };
    expect((await supervisor('POST', 'privacy/reveal', unrecorded)).status).toBe(404);
    const revealed = await supervisor('POST', 'privacy/reveal', request);
    expect(revealed).toEqual({
      status: 200,
      body: { profileId: ids[0], field: 'idNumber', value: customers[0]?.idNumber },
    });
    await kefu.app.get(AuditTrail).flush();
    const audited = await kefu.sql<{ actor_roles: string[]; details: { field: string; reason: string } }>(
      `SELECT actor_roles, details FROM audit_events WHERE action = 'personal-data.reveal' AND target_id = $1`,
      [ids[0]],
    );
    expect(audited).toEqual([{ actor_roles: ['supervisor'], details: { field: 'idNumber', reason: request.reason } }]);
  });

  it('keeps personal data out of the log even when code logs it', async () => {
    new Logger('PrivacyTest').log(`customer ${customers[2]?.phone} with id ${customers[2]?.idNumber} called`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = kefu.logOutput();
    expect(log).toContain(`${customers[2]?.phone.slice(0, 3)}****${customers[2]?.phone.slice(-4)}`);
    expect(log.length).toBeGreaterThan(1000);
  });

  it('erases one customer by crypto-shredding: nothing decrypts, search finds nothing, the audit chain verifies', async () => {
    const victim = ids[3] as string;
    const victimPhone = customers[3]?.phone as string;
    const [before] = await kefu.sql<{ name_ciphertext: Buffer; id_number_ciphertext: Buffer }>(
      'SELECT name_ciphertext, id_number_ciphertext FROM customer_profiles WHERE id = $1',
      [victim],
    );
    // A hold names an existing profile, however its id is written, or is refused: one that covers nobody protects nothing.
    const order = { dataClass: 'customer-profiles', reason: '诉讼保全 (2026) 京0105民初1234号' };
    const refusal = async (body: object) => {
      const { status, body: error } = await securityAdmin('POST', 'privacy/legal-holds', { ...order, ...body });
      return {
        status,
        violations: error.violations?.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`),
      };
    };
    expect(await refusal({ subjectId: 'abc' })).toEqual({ status: 400, violations: ['subjectId:isUuid'] });
    expect(await refusal({ subjectId: '' })).toEqual({ status: 400, violations: ['subjectId:isUuid'] });
    expect(await refusal({ dataClass: 'transcripts', subjectId: victim })).toEqual({
      status: 400,
      violations: ['subjectId:customerProfilesOnly'],
    });
    expect(await refusal({ subjectId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      status: 404,
      violations: undefined,
    });
    const hold = await securityAdmin('POST', 'privacy/legal-holds', { ...order, subjectId: victim.toUpperCase() });
    expect(hold.status).toBe(201);
    expect(hold.body.subjectId).toBe(victim);
    const reason = { reason: 'PIPL Art. 47 request, ticket PRIV-2026-0042' };
    expect((await securityAdmin('POST', `privacy/customer-profiles/${victim}/erasure`, reason)).status).toBe(409);
    const shouted = `privacy/customer-profiles/${victim.toUpperCase()}/erasure`;
    expect((await securityAdmin('POST', shouted, reason)).status).toBe(409);
    expect((await securityAdmin('POST', `privacy/legal-holds/${hold.body.id}/release`, {})).status).toBe(200);
    expect((await agent('POST', `privacy/customer-profiles/${victim}/erasure`, reason)).status).toBe(403);

    const erased = await securityAdmin('POST', `privacy/customer-profiles/${victim}/erasure`, reason);
    expect(erased.status).toBe(200);
    expect(erased.body.destroyedKeyIds).toHaveLength(1);

    expect((await agent('GET', `privacy/customer-profiles/${victim}`)).status).toBe(404);
    expect((await agent('POST', 'privacy/customer-profiles/search', { phone: victimPhone })).body).toEqual([]);
    const reveal = { profileId: victim, field: 'name', reason: 'checking an erased customer' };
    expect((await supervisor('POST', 'privacy/reveal', reveal)).status).toBe(404);
    // Copies taken before the erasure (a replica, an export, a backup) no longer decrypt.
    const cipher = kefu.app.get(FieldCipher);
    await expect(
      cipher.decrypt(before?.name_ciphertext as Buffer, `customer_profiles.name:${victim}`),
    ).rejects.toBeInstanceOf(KeyDestroyedError);
    await expect(
      cipher.decrypt(before?.id_number_ciphertext as Buffer, `customer_profiles.idNumber:${victim}`),
    ).rejects.toBeInstanceOf(KeyDestroyedError);
    // Everyone else is untouched.
    expect((await agent('GET', `privacy/customer-profiles/${ids[4]}`)).status).toBe(200);

    await expect(kefu.app.get(AuditVerification).verify()).resolves.toMatchObject({ ok: true });
    const [audited] = await kefu.sql<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'personal-data.erase' AND target_id = $1`,
      [victim],
    );
    expect(audited?.details).toMatchObject({ operation: 'erasure', legal_basis: 'PIPL Art. 47' });
    const holds = await kefu.sql<{ action: string }>(
      `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY seq`,
      [hold.body.id],
    );
    expect(holds.map((event) => event.action)).toEqual(['legal-hold.place', 'legal-hold.release']);
  });

  it('leaves no seeded plaintext in any text, bytea or json column of any table, nor in the log', async () => {
    const tables = await scannedTables(kefu);
    expect(tables).toEqual(expect.arrayContaining(['customer_profiles', 'data_keys', 'audit_events', 'legal_holds']));
    await expect(scanDatabase(kefu, plaintexts)).resolves.toEqual([]);
    const log = kefu.logOutput();
    for (const plaintext of plaintexts) expect([plaintext, log.includes(plaintext)]).toEqual([plaintext, false]);
  });
});
