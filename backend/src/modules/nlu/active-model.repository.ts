import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface ActiveModel {
  name: string;
  /** Folder inside the models directory. */
  package: string;
  version: string;
}

/** The only code that knows the SQL of nlu_active_models. */
@Injectable()
export class ActiveModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, model: ActiveModel, activatedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO nlu_active_models (name, package, version, activated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET package = $2, version = $3, activated_by = $4, activated_at = now()`,
      [model.name, model.package, model.version, activatedBy],
    );
  }

  all(): Promise<ActiveModel[]> {
    return this.dataSource.query('SELECT name, package, version FROM nlu_active_models ORDER BY name');
  }
}
