import { buildTrail } from '../../../test/fixtures/audit-trail.factory.ts';
import { seededRandom } from '../../../test/fixtures/personal-data-generators.ts';
import { decodeBinaryCopy } from '../../common/database/binary-copy-decoder.ts';
import { canonicalRow } from './audit-canonical-form.ts';
import { type SegmentScan, type SegmentScanOptions, scanSegment } from './audit-chain-scan.ts';
import type { SealedChainRow } from './audit-entry.ts';
import { scanSealedRows } from './audit-sealed-copy-scan.ts';

/**
 * The COPY path must reach exactly the verdict of the row path (`scanSegment`) on every trail, tampered or not: each
 * case below is encoded as PostgreSQL's binary COPY output, cut into pieces at random places (rows and even the header
 * split across pieces, as a socket delivers them), scanned, and compared with the row path on the same rows.
 */
const key = Buffer.alloc(32, 7);
const size = 5_000;
const rows: SealedChainRow[] = buildTrail(size, key).map((row) => ({
  seq: row.seq,
  sealed: canonicalRow(row),
  hashAlg: row.hashAlg,
  prevHash: row.prevHash,
  rowHash: row.rowHash,
}));
const random = seededRandom(20261127);
const pick = (n: number) => Math.floor(random() * n);

describe('verification by binary COPY', () => {
  const wanted = new Set([500, 1_000, size]);

  async function bothPaths(trail: SealedChainRow[], options: SegmentScanOptions): Promise<SegmentScan> {
    const byCopy = await scanSealedRows(decodeBinaryCopy(pieces(copyOutput(trail)), 5), options);
    expect(byCopy).toEqual(await scanSegment([trail], options));
    return byCopy;
  }

  it('accepts the untouched trail, with or without a start position', async () => {
    await expect(bothPaths(rows, { chainKey: key, wanted })).resolves.toMatchObject({ checked: size });
    const start = { expected: 101, previous: (rows[99] as SealedChainRow).rowHash };
    const scan = await bothPaths(rows.slice(100), { chainKey: key, wanted, start });
    expect(scan.checked).toBe(size - 100);
    expect(scan.problem).toBeUndefined();
    expect(scan.hashAt).toEqual([...wanted].map((seq) => [seq, (rows[seq - 1] as SealedChainRow).rowHash]));
  });

  it('reaches the row path’s verdict on 1,000 tampered trails', async () => {
    const kinds = ['sealed', 'non-ascii', 'seq', 'hashAlg', 'prevHash', 'rowHash', 'removed', 'swapped'] as const;
    for (let run = 0; run < 1_000; run += 1) {
      const kind = kinds[run % kinds.length] as (typeof kinds)[number];
      const from = pick(size - 60);
      const trail = rows.slice(from, from + 60);
      const index = 1 + pick(trail.length - 2);
      tamper(trail, index, kind);
      const start = {
        expected: from + 1,
        previous: from === 0 ? '0'.repeat(64) : (rows[from - 1] as SealedChainRow).rowHash,
      };
      const scan = await bothPaths(trail, { chainKey: key, wanted, start });
      expect({ run, kind, seq: scan.problem?.seq }).toEqual({ run, kind, seq: from + index + 1 });
    }
  });

  it('checks places and sealed-form fit without the key', async () => {
    const trail = rows.slice(0, 100);
    const row = trail[40] as SealedChainRow;
    trail[40] = { ...row, sealed: row.sealed.replace('test', 'tent') };
    await expect(bothPaths(trail, { wanted })).resolves.toMatchObject({ checked: 100 });
    tamper(trail, 60, 'seq');
    await expect(bothPaths(trail, { wanted })).resolves.toMatchObject({ problem: { seq: 61 } });
  });

  it('refuses a stream that is cut short or has rows of another shape', async () => {
    const whole = copyOutput(rows.slice(0, 10));
    await expect(drain(decodeBinaryCopy(pieces(whole.subarray(0, whole.length - 40)), 5))).rejects.toThrow(
      'ended in the middle of a row',
    );
    await expect(drain(decodeBinaryCopy(pieces(whole), 4))).rejects.toThrow('has 5 fields, 4 were expected');
    await expect(
      drain(decodeBinaryCopy(pieces(Buffer.from('seq,sealed,hash_alg,prev_hash,row_hash\n')), 5)),
    ).rejects.toThrow('not a binary COPY');
  });
});

function tamper(trail: SealedChainRow[], index: number, kind: string): void {
  const row = { ...(trail[index] as SealedChainRow) };
  // Replaces one character with another one (`to`, or `alternative` where `to` is already there).
  const flip = (value: string, to: string, alternative: string) => {
    const at = pick(value.length);
    return `${value.slice(0, at)}${value[at] === to ? alternative : to}${value.slice(at + 1)}`;
  };
  if (kind === 'sealed') row.sealed = flip(row.sealed, 'x', 'y');
  if (kind === 'non-ascii') row.sealed = flip(row.sealed, '审', '核');
  if (kind === 'seq') row.seq += 1 + pick(3);
  if (kind === 'hashAlg') row.hashAlg = pick(2) ? 'hmac-sm3' : 'hmac-sha1';
  if (kind === 'prevHash' || kind === 'rowHash') row[kind] = flip(row[kind], '0', '1');
  if (kind === 'removed') trail.splice(index, 1);
  else if (kind === 'swapped') [trail[index], trail[index + 1]] = [trail[index + 1] as SealedChainRow, row];
  else trail[index] = row;
}

/** What `COPY (SELECT seq, sealed, hash_alg, prev_hash, row_hash …) TO STDOUT (FORMAT binary)` sends. */
function copyOutput(trail: SealedChainRow[]): Buffer {
  const int = (bytes: number, value: number) => {
    const buffer = Buffer.alloc(bytes);
    if (bytes === 2) buffer.writeInt16BE(value);
    else if (bytes === 4) buffer.writeInt32BE(value);
    else buffer.writeBigInt64BE(BigInt(value));
    return buffer;
  };
  const field = (value: Buffer): Buffer[] => [int(4, value.length), value];
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int(4, 0), int(4, 0)];
  for (const row of trail)
    parts.push(
      int(2, 5),
      ...field(int(8, row.seq)),
      ...[row.sealed, row.hashAlg, row.prevHash, row.rowHash].flatMap((text) => field(Buffer.from(text))),
    );
  parts.push(int(2, -1));
  return Buffer.concat(parts);
}

/** The bytes as a socket might deliver them: pieces of 1 to 3,000 bytes. */
async function* pieces(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const length = 1 + pick(3_000);
    yield bytes.subarray(at, at + length);
    at += length;
  }
}

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}
