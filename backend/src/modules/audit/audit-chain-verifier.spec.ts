import { buildTrail } from '../../../test/fixtures/audit-trail.factory.ts';
import { seededRandom } from '../../../test/fixtures/personal-data-generators.ts';
import { canonicalJson, canonicalRow, computeRowHash } from './audit-canonical-form.ts';
import { scanSegment } from './audit-chain-scan.ts';
import { AuditChainVerifier, checkpointSeqs, type VerificationResult } from './audit-chain-verifier.ts';
import type { AuditCheckpoint, AuditRecord, SealedChainRow } from './audit-entry.ts';

const key = Buffer.alloc(32, 7);

describe('the canonical form and row hash', () => {
  const row: AuditRecord = {
    seq: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    actorKind: 'staff',
    actorId: 'u-1',
    actorRoles: ['auditor'],
    action: 'audit.verify',
    targetType: null,
    targetId: null,
    outcome: 'success',
    sourceAddress: '127.0.0.1',
    requestId: 'req-00000001',
    details: { z: 1, a: { y: [2, { d: 1, c: 'é' }] } },
    hashAlg: 'hmac-sha256',
    prevHash: '0'.repeat(64),
    rowHash: '',
  };

  it('sorts detail keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    );
  });

  it('matches the golden vectors (a change here breaks every stored trail)', () => {
    expect(canonicalRow(row)).toBe(
      '[1,1,"2026-01-01T00:00:00.000Z","staff","u-1",["auditor"],"audit.verify",null,null,"success","127.0.0.1","req-00000001","{\\"a\\":{\\"y\\":[2,{\\"c\\":\\"é\\",\\"d\\":1}]},\\"z\\":1}","hmac-sha256"]',
    );
    // Independently computed: printf '%s\n%s' PREV CANONICAL | openssl dgst -sha256 -mac HMAC -macopt hexkey:0707…
    expect(computeRowHash(key, row)).toBe('6b4e281acba9a088de8784fa178ebfb10de2c41da4e0c44d4eb2b8b863a20b7b');
  });

  it('uses HMAC-SM3 in 国密 mode (golden vector from openssl dgst -sm3 -mac HMAC)', () => {
    expect(computeRowHash(key, { ...row, hashAlg: 'hmac-sm3' })).toBe(
      '0018cd7037ce57ff2ba320d31ef31e8a7ce6d9e3e9b394700eb6a687b84435fa',
    );
  });
});

describe('the chain verifier on a 10,000-event trail', () => {
  const size = 10_000;
  const rows = buildTrail(size, key);
  // A signed checkpoint every 500 events and one at the head (the signature itself is checked in the keyring spec).
  const checkpoints: AuditCheckpoint[] = rows
    .filter((row) => row.seq % 500 === 0 || row.seq === size)
    .map((row) => ({
      lastSeq: row.seq,
      headHash: row.rowHash,
      createdAt: row.occurredAt,
      signatureAlg: 'ed25519',
      keyId: 'test',
      signature: 'good',
    }));
  const verifier = new AuditChainVerifier({
    chainKey: key,
    checkpointSignatureValid: (checkpoint) => checkpoint.signature === 'good',
  });
  const random = seededRandom(20261127);
  const pick = (n: number) => Math.floor(random() * n);
  const MUTATIONS_PER_KIND = 1_000;
  // Every mutation is verified from an anchor a little before it (the `--from` path, same code) so 5,000 runs stay
  // fast; a share of them is verified from the very first row.
  const anchorBefore = (index: number, run: number) => {
    if (run % 200 === 0) return { upToSeq: 0, lastHash: '0'.repeat(64) };
    const seq = Math.max(0, index - 1 - pick(50));
    return { upToSeq: seq, lastHash: seq === 0 ? '0'.repeat(64) : (rows[seq - 1] as AuditRecord).rowHash };
  };
  /**
   * Verifies in one walk, and checks that the parallel path agrees: the first rows after the anchor (where the
   * mutation sits), cut into segments at random places, each scanned from its own first row and then joined, must
   * give the very same verdict as one walk over those rows.
   */
  const verifyFrom = async (
    trail: AuditRecord[],
    anchor: { upToSeq: number; lastHash: string },
  ): Promise<VerificationResult> => {
    const rest = trail.slice(anchor.upToSeq);
    const window = rest.slice(0, 100);
    const cuts = [0, ...Array.from({ length: 1 + pick(4) }, () => pick(window.length + 1)), window.length].sort(
      (a, b) => a - b,
    );
    const wanted = checkpointSeqs(checkpoints, anchor);
    const segments = await Promise.all(
      cuts.slice(1).map((end, i) => scanSegment([window.slice(cuts[i], end)], { chainKey: key, wanted })),
    );
    expect(verifier.verifySegments(segments, checkpoints, anchor)).toEqual(
      await verifier.verify([window], checkpoints, anchor),
    );
    return verifier.verify([rest], checkpoints, anchor);
  };

  it('accepts the untouched trail', async () => {
    await expect(verifier.verify([rows], checkpoints)).resolves.toEqual({
      ok: true,
      checked: size,
      first_bad_seq: null,
      reason: null,
    });
  });

  it('accepts it when it arrives in many small batches', async () => {
    const batches = Array.from({ length: 100 }, (_, i) => rows.slice(i * 100, i * 100 + 100));
    await expect(verifier.verify(batches, checkpoints)).resolves.toMatchObject({ ok: true, checked: size });
  });

  const fields = Object.keys(rows[0] as AuditRecord) as (keyof AuditRecord)[];

  function changed(row: AuditRecord, field: keyof AuditRecord): AuditRecord {
    const value = row[field];
    const next: AuditRecord = { ...row };
    if (typeof value === 'number') (next[field] as number) = value + 1 + pick(3);
    else if (Array.isArray(value)) (next[field] as string[]) = [...value, 'auditor'];
    else if (value === null) (next[field] as string) = 'added';
    else if (typeof value === 'object') (next[field] as object) = { ...value, n: -1 };
    else if (field === 'occurredAt') next.occurredAt = new Date(Date.parse(value) + 1).toISOString();
    else (next[field] as string) = `${value.slice(0, -1)}${value.endsWith('x') ? 'y' : 'x'}`;
    return next;
  }

  it(`finds each of ${MUTATIONS_PER_KIND} changed fields and names the row`, async () => {
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const index = pick(size);
      const field = fields[run % fields.length] as keyof AuditRecord;
      const trail = [...rows];
      trail[index] = changed(rows[index] as AuditRecord, field);
      const result = await verifyFrom(trail, anchorBefore(index, run));
      expect({ run, field, seq: result.first_bad_seq, ok: result.ok }).toEqual({
        run,
        field,
        seq: index + 1,
        ok: false,
      });
    }
  });

  it(`finds each of ${MUTATIONS_PER_KIND} changes to rows read by their sealed form`, async () => {
    const sealedRows: SealedChainRow[] = rows.map((row) => ({
      seq: row.seq,
      sealed: canonicalRow(row),
      hashAlg: row.hashAlg,
      prevHash: row.prevHash,
      rowHash: row.rowHash,
    }));
    await expect(verifier.verify([sealedRows], checkpoints)).resolves.toMatchObject({ ok: true, checked: size });
    const sealedFields = ['sealed', 'sealed', 'seq', 'hashAlg', 'prevHash', 'rowHash'] as const;
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const index = pick(size);
      const field = sealedFields[run % sealedFields.length] as (typeof sealedFields)[number];
      const row = { ...(sealedRows[index] as SealedChainRow) };
      if (field === 'seq') row.seq += 1 + pick(3);
      else if (field === 'sealed') {
        const at = pick(row.sealed.length);
        const next = row.sealed[at] === 'x' ? 'y' : 'x';
        row.sealed = `${row.sealed.slice(0, at)}${next}${row.sealed.slice(at + 1)}`;
      } else row[field] = `${row[field].slice(0, -1)}${row[field].endsWith('0') ? '1' : '0'}`;
      const trail = [...sealedRows];
      trail[index] = row;
      const result = await verifier.verify([trail.slice(Math.max(0, index - 50))], checkpoints, {
        upToSeq: Math.max(0, index - 50),
        lastHash: index - 50 > 0 ? (rows[index - 51] as AuditRecord).rowHash : '0'.repeat(64),
      });
      expect({ run, field, seq: result.first_bad_seq }).toEqual({ run, field, seq: index + 1 });
    }
  });

  it(`finds each of ${MUTATIONS_PER_KIND} removed rows, the newest one included`, async () => {
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const index = run === 0 ? size - 1 : pick(size);
      const trail = rows.filter((_, i) => i !== index);
      const result = await verifyFrom(trail, anchorBefore(index, run));
      expect({ run, seq: result.first_bad_seq }).toEqual({ run, seq: index + 1 });
    }
  });

  it(`finds each of ${MUTATIONS_PER_KIND} inserted rows, copied or forged`, async () => {
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const index = pick(size + 1);
      const previous = index === 0 ? '0'.repeat(64) : (rows[index - 1] as AuditRecord).rowHash;
      const inserted: AuditRecord =
        run % 2 === 0
          ? { ...(rows[pick(size)] as AuditRecord) }
          : { ...(rows[pick(size)] as AuditRecord), seq: index + 1, prevHash: previous, rowHash: 'f'.repeat(64) };
      const trail = [...rows.slice(0, index), inserted, ...rows.slice(index)];
      const result = await verifyFrom(trail, anchorBefore(index, run));
      expect({ run, seq: result.first_bad_seq }).toEqual({ run, seq: index + 1 });
    }
  });

  it(`finds each of ${MUTATIONS_PER_KIND} swapped pairs of rows`, async () => {
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const a = pick(size);
      let b = pick(size);
      while (b === a) b = pick(size);
      const [first, second] = a < b ? [a, b] : [b, a];
      const trail = [...rows];
      trail[first] = rows[second] as AuditRecord;
      trail[second] = rows[first] as AuditRecord;
      const result = await verifyFrom(trail, anchorBefore(first, run));
      expect({ run, seq: result.first_bad_seq }).toEqual({ run, seq: first + 1 });
    }
  });

  it(`finds each of ${MUTATIONS_PER_KIND} deletions of the newest rows past a checkpoint`, async () => {
    for (let run = 0; run < MUTATIONS_PER_KIND; run += 1) {
      const removed = 1 + pick(2_000);
      const trail = rows.slice(0, size - removed);
      const result = await verifyFrom(trail, anchorBefore(size - removed, run));
      expect({ run, seq: result.first_bad_seq, reason: result.reason }).toEqual({
        run,
        seq: size - removed + 1,
        reason: expect.stringContaining('the checkpoint signed at'),
      });
    }
  });

  it('refuses a checkpoint with a bad signature and one that disagrees with its row', async () => {
    const forged = checkpoints.map((c) => (c.lastSeq === 1_500 ? { ...c, signature: 'forged' } : c));
    await expect(verifier.verify([rows], forged)).resolves.toMatchObject({ ok: false, first_bad_seq: 1_500 });
    const disagreeing = checkpoints.map((c) => (c.lastSeq === 2_000 ? { ...c, headHash: 'a'.repeat(64) } : c));
    await expect(verifier.verify([rows], disagreeing)).resolves.toMatchObject({ ok: false, first_bad_seq: 2_000 });
  });

  it('checks links and order but not content when it has no chain key (offline export check)', async () => {
    const linksOnly = new AuditChainVerifier({ checkpointSignatureValid: () => true });
    const trail = [...rows];
    trail[10] = { ...(rows[10] as AuditRecord), actorId: 'someone-else' };
    await expect(linksOnly.verify([trail], [])).resolves.toMatchObject({ ok: true });
    trail.splice(20, 1);
    await expect(linksOnly.verify([trail], [])).resolves.toMatchObject({ ok: false, first_bad_seq: 21 });
  });
});
