import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Answers whether this replica should receive traffic: database reachable, schema current, and whatever modules
 * contribute (models loaded). (While shutting down,
 * Fastify itself answers every new request, this one included, with 503.)
 */
@Injectable()
export class ReadinessService {
  private readonly contributed: (() => Promise<ReadinessCheck>)[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Lets a module add what it needs before the replica may serve (the NLU module: models loaded). */
  contribute(check: () => Promise<ReadinessCheck>): void {
    this.contributed.push(check);
  }

  async check(): Promise<Readiness> {
    const checks = await Promise.all([
      this.databaseCheck(),
      this.migrationsCheck(),
      ...this.contributed.map((check) => check()),
    ]);
    return { ready: checks.every((check) => check.ok), checks };
  }

  private async databaseCheck(): Promise<ReadinessCheck> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'));
      return { name: 'database', ok: true };
    } catch {
      return { name: 'database', ok: false, detail: 'unreachable' };
    }
  }

  private async migrationsCheck(): Promise<ReadinessCheck> {
    try {
      const pending = await withTimeout(this.dataSource.showMigrations());
      return pending ? { name: 'migrations', ok: false, detail: 'pending' } : { name: 'migrations', ok: true };
    } catch {
      return { name: 'migrations', ok: false, detail: 'unknown' };
    }
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
