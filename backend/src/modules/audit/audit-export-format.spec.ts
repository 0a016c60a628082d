import { buildTrail } from '../../../test/fixtures/audit-trail.factory.ts';
import { computeRowHash } from './audit-canonical-form.ts';
import { type ExportDocument, parseExport, renderSignature, renderUnsigned } from './audit-export-format.ts';

const key = Buffer.alloc(32, 3);

describe('the export file format', () => {
  const rows = buildTrail(20, key).map((row, i) =>
    i === 4 ? { ...row, targetId: 'a "quoted", comma\nnew line' } : row,
  );
  // Re-chain after the edit so the trail is valid again.
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as (typeof rows)[number];
    row.prevHash = i === 0 ? '0'.repeat(64) : (rows[i - 1] as typeof row).rowHash;
    row.details = { ...row.details, text: 'with "quotes", commas, ] brackets\nand 中文' };
    row.rowHash = computeRowHash(key, row);
  }
  const document: ExportDocument = {
    header: {
      format: 'kefu-audit-export',
      version: 1,
      from_seq: 1,
      to_seq: 20,
      count: 20,
      anchor_hash: '0'.repeat(64),
      exported_at: '2026-11-27T00:00:00.000Z',
      signature_alg: 'ed25519',
      key_id: 'k',
      public_key: 'pem',
      verified_online: { ok: true, first_bad_seq: null, reason: null },
    },
    events: rows,
    checkpoints: [
      {
        lastSeq: 20,
        headHash: (rows[19] as (typeof rows)[number]).rowHash,
        createdAt: 'now',
        signatureAlg: 'ed25519',
        keyId: 'k',
        signature: 's',
      },
    ],
  };
  const signature = {
    digest_alg: 'sha256',
    digest: 'd',
    signature_alg: 'ed25519',
    key_id: 'k',
    signature: 'sig',
  } as const;

  it.each(['jsonl', 'csv'] as const)('reads back exactly what it wrote, awkward characters included (%s)', (format) => {
    const text = renderUnsigned(document, format) + renderSignature(signature, format);
    const parsed = parseExport(text);
    expect(parsed.signed).toBe(renderUnsigned(document, format));
    expect(parsed.document).toEqual(document);
    expect(parsed.signature).toEqual(signature);
    for (const event of parsed.document.events) expect(computeRowHash(key, event)).toBe(event.rowHash);
  });

  it('refuses a file that is not an export', () => {
    expect(() => parseExport('hello\nworld\n')).toThrow();
  });
});
