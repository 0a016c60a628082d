import { readFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as connectTls } from 'node:tls';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditRepository, FORWARD_LOCK_KEY } from './audit.repository.ts';
import type { AuditCheckpoint, AuditRecord } from './audit-entry.ts';

/** RFC 5612's documentation enterprise number: replace with the bank's own PEN if its SIEM keys on it. */
const SD_ID = 'kefu@32473';
const FACILITY_LOG_AUDIT = 13;
const SEVERITY = { success: 6, failure: 4, denied: 4 } as Record<string, number>;
const BATCH = 500;
const POLL_MS = 1_000;

/**
 * Forwards every audit event and checkpoint to a SIEM as RFC 5424 syslog over TCP or TLS (RFC 5425 octet-counting
 * framing). It reads the committed trail, so nothing is sent for a rolled-back action, and keeps its position in
 * `audit_forwarding`; a replica holding an advisory lock does the sending, so replicas do not send twice. Delivery is
 * at least once: after a crash the last batch may be sent again (the SIEM can de-duplicate on `seq`).
 */
@Injectable()
export class SyslogForwarder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SyslogForwarder');
  private timer?: NodeJS.Timeout;
  private socket?: Socket;
  private running?: Promise<unknown>;
  private readonly host = hostname();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
    private readonly config: KefuConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.audit.syslog) return;
    this.timer = setInterval(() => this.tick(), POLL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.socket?.destroy();
  }

  /** Sends what is new; returns how many messages went out. */
  async forward(): Promise<number> {
    const target = this.config.audit.syslog?.target;
    if (!target) return 0;
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS got', [FORWARD_LOCK_KEY]);
      if (!lock.got) return 0;
      const position = await this.repository.forwardingPosition(manager, target);
      const events = await this.repository.eventsAfter(manager, position.lastSeq, BATCH);
      const checkpoints = await this.repository.checkpointsAfter(manager, position.lastCheckpointId);
      const messages = [
        ...events.map((e) => this.eventMessage(e)),
        ...checkpoints.map((c) => this.checkpointMessage(c)),
      ];
      if (messages.length === 0) return 0;
      await this.send(messages);
      await this.repository.saveForwardingPosition(manager, target, {
        lastSeq: events.at(-1)?.seq ?? position.lastSeq,
        lastCheckpointId: checkpoints.at(-1)?.id ?? position.lastCheckpointId,
      });
      return messages.length;
    });
  }

  /** Keeps sending while whole batches come back, so a backlog (a new target, a SIEM outage) drains quickly. */
  private async catchUp(): Promise<void> {
    for (let round = 0; round < 100; round += 1) if ((await this.forward()) < BATCH) return;
  }

  eventMessage(event: AuditRecord): string {
    const severity = SEVERITY[event.outcome] ?? 5;
    const data = sd({
      seq: event.seq,
      actor: event.actorId,
      roles: event.actorRoles.join(','),
      outcome: event.outcome,
      target: event.targetType ? `${event.targetType}:${event.targetId ?? ''}` : '',
      src: event.sourceAddress ?? '',
      req: event.requestId ?? '',
      hash: event.rowHash,
    });
    return this.message(severity, event.occurredAt, event.action, data, JSON.stringify(event));
  }

  checkpointMessage(checkpoint: AuditCheckpoint): string {
    const data = sd({ seq: checkpoint.lastSeq, hash: checkpoint.headHash, key: checkpoint.keyId });
    return this.message(5, checkpoint.createdAt, 'audit.checkpoint', data, JSON.stringify(checkpoint));
  }

  private message(severity: number, time: string, msgId: string, data: string, body: string): string {
    const header = `<${FACILITY_LOG_AUDIT * 8 + severity}>1 ${time} ${this.host} kefu ${process.pid} ${msgId.slice(0, 32)}`;
    return `${header} ${data} \uFEFF${body}`;
  }

  private async send(messages: string[]): Promise<void> {
    const socket = await this.connection();
    const frames = messages.map((m) => `${Buffer.byteLength(m)} ${m}`).join('');
    await new Promise<void>((resolve, reject) => {
      socket.write(frames, (error) => (error ? reject(error) : resolve()));
    }).catch((error: unknown) => {
      socket.destroy();
      this.socket = undefined;
      throw error;
    });
  }

  private connection(): Promise<Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    const url = new URL(this.config.audit.syslog?.target as string);
    const port = Number(url.port || (url.protocol === 'tls:' ? 6514 : 514));
    return new Promise((resolve, reject) => {
      const caFile = this.config.audit.syslog?.caFile;
      const socket =
        url.protocol === 'tls:'
          ? connectTls({
              host: url.hostname,
              port,
              ca: caFile ? readFileSync(caFile) : undefined,
              servername: url.hostname,
            })
          : connectTcp({ host: url.hostname, port });
      const ready = url.protocol === 'tls:' ? 'secureConnect' : 'connect';
      socket.once(ready, () => {
        socket.off('error', reject);
        socket.on('error', () => socket.destroy());
        this.socket = socket;
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.catchUp()
      .catch((error: unknown) =>
        this.logger.warn(
          `SIEM forwarding failed, will retry: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}

/** One SD-ELEMENT; values escaped as RFC 5424 section 6.3.3 requires. */
function sd(params: Record<string, string | number>): string {
  const escaped = Object.entries(params).map(
    ([name, value]) => `${name}="${String(value).replace(/[\\"\]]/g, (c) => `\\${c}`)}"`,
  );
  return `[${SD_ID} ${escaped.join(' ')}]`;
}
