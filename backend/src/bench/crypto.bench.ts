import { randomBytes } from 'node:crypto';
import { KefuConfig } from '../common/config/kefu-config.ts';
import { loadConfig } from '../common/config/load-config.ts';
import { BlindIndex, type DataKeys, FieldCipher, runKnownAnswerTests } from '../modules/crypto/index.ts';
import { writeBenchmarkSection } from './benchmark-report.ts';

/**
 * `npm run bench:crypto`: the cost of one encrypted field as repositories pay it in steady state — the data key is
 * already unwrapped and cached (DataKeys' cache), so what is measured is FieldCipher itself: envelope, cipher, tag.
 * The data-key store is replaced by a fixed key here (the edge, not the thing measured); a cache miss adds one
 * database read and one KEK unwrap (an HSM round trip with the pkcs11 provider), once per key per cache period.
 */
const ITERATIONS = Number(process.env.KEFU_BENCH_ITERATIONS ?? 20_000);

const key = randomBytes(32);
const keyId = '00000000-0000-4000-8000-000000000001';
const cachedKeys = {
  forPurpose: async () => ({ id: keyId, key }),
  byId: async () => key,
} as unknown as DataKeys;

async function microseconds(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 1_000; i += 1) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) await work();
  return Number(process.hrtime.bigint() - start) / 1_000 / ITERATIONS;
}

async function main(): Promise<void> {
  if (runKnownAnswerTests().some((result) => !result.ok)) throw new Error('known-answer tests failed');
  const fields = [
    { name: 'short (11-byte mobile number)', value: '13812345678' },
    { name: '1 KB (a transcript turn)', value: '您好，我想查询一下信用卡账单。'.repeat(22).slice(0, 341) },
  ];
  const rows: string[] = [];
  for (const mode of ['standard', 'gm'] as const) {
    const config = new KefuConfig(loadConfig({ KEFU_CRYPTO_MODE: mode }));
    const cipher = new FieldCipher(cachedKeys, config);
    const label = mode === 'gm' ? 'SM4-CTR + HMAC-SM3 (gm)' : 'AES-256-GCM (standard)';
    for (const field of fields) {
      const scope = { purpose: 'bench', context: 'customer_profiles.phone:bench' };
      const envelope = await cipher.encrypt(field.value, scope);
      const encrypt = await microseconds(() => cipher.encrypt(field.value, scope));
      const decrypt = await microseconds(() => cipher.decrypt(envelope, scope.context));
      rows.push(
        `| ${label} | ${field.name}, ${Buffer.byteLength(field.value)} B → ${envelope.length} B | ${encrypt.toFixed(1)} | ${decrypt.toFixed(1)} |`,
      );
    }
    const blindIndex = new BlindIndex(cachedKeys, config);
    const index = await microseconds(() => blindIndex.compute('customer-phone', '13812345678'));
    rows.push(
      `| ${mode === 'gm' ? 'HMAC-SM3' : 'HMAC-SHA256'} blind index (${mode}) | mobile number | ${index.toFixed(1)} | – |`,
    );
  }
  const table = ['| cipher | field | encrypt µs | decrypt µs |', '| --- | --- | ---: | ---: |', ...rows].join('\n');
  process.stdout.write(`${table}\n`);
  await writeBenchmarkSection('crypto', {
    title: 'Field encryption and blind index cost',
    command: 'npm run bench:crypto',
    body: [
      `Mean cost of one field with its data key cached, ${ITERATIONS} operations each after 1,000 warm-up ones, one`,
      'thread, Node’s OpenSSL. The envelope adds 19 header bytes plus IV and tag (AES-GCM 28, SM4-CTR + HMAC-SM3 48).',
      '',
      table,
    ].join('\n'),
  });
}

await main();
