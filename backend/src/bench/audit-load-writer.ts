import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { KefuConfig } from '../common/config/kefu-config.ts';
import { loadConfig } from '../common/config/load-config.ts';
import { dataSourceOptions } from '../common/database/data-source-options.ts';
import { AuditAction, AuditOutcome, standaloneAudit, systemActor } from '../modules/audit/index.ts';

/**
 * Appends audit events as fast as it can from `concurrency` parallel transactions, with the sealer running as in a
 * replica, and prints `{written, seconds, p50Ms, p99Ms}` as one JSON line: latencies are those of `record` (what an
 * audited action waits for), `seconds` lasts until every event is chained. Used by `npm run bench:audit` and by the
 * test that runs two of these processes at once against one database to prove that sequence numbers stay gapless
 * across replicas.
 *
 * Usage: DATABASE_URL=… KEFU_AUDIT_KEY_DIR=… node audit-load-writer.js COUNT CONCURRENCY [LABEL]
 */
export async function appendLoad(
  config: KefuConfig,
  dataSource: DataSource,
  count: number,
  concurrency: number,
  label: string,
): Promise<{ written: number; seconds: number; p50Ms: number; p99Ms: number }> {
  const { trail, sealer } = standaloneAudit(config, dataSource);
  sealer.onApplicationBootstrap();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const begun = performance.now();
      await trail.record({
        actor: { ...systemActor(label), sourceAddress: '127.0.0.1' },
        action: AuditAction.ConfigChange,
        outcome: AuditOutcome.Success,
        target: { type: 'setting', id: `load-${n}` },
        details: { writer: label, n },
        personalData: { phone: `1380000${String(n % 10_000).padStart(4, '0')}` },
      });
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await sealer.onApplicationShutdown();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
  return { written: latencies.length, seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function main(): Promise<void> {
  const [count = '1000', concurrency = '4', label = 'load'] = process.argv.slice(2);
  const config = new KefuConfig(loadConfig());
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const dataSource = new DataSource(dataSourceOptions(config, config.database.url, []));
  await dataSource.initialize();
  try {
    const result = await appendLoad(config, dataSource, Number(count), Number(concurrency), label);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (process.argv[1]?.endsWith('audit-load-writer.js')) await main();
