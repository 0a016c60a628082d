import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProposalState } from './proposal-state.ts';

export interface NewProposal {
  id: string;
  modelName: string;
  package: string;
  note: string | null;
  proposedBy: string;
  proposedByName: string | null;
}

export interface StoredProposal extends NewProposal {
  state: ProposalState;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const COLUMNS = `id, model_name AS "modelName", package, note, proposed_by AS "proposedBy",
  proposed_by_name AS "proposedByName", state, decided_by AS "decidedBy", decision_note AS "decisionNote",
  created_at AS "createdAt", decided_at AS "decidedAt"`;

/** The only code that knows the SQL of nlu_activation_proposals. */
@Injectable()
export class ActivationProposalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, proposal: NewProposal): Promise<void> {
    await manager.query(
      `INSERT INTO nlu_activation_proposals (id, model_name, package, note, proposed_by, proposed_by_name)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [proposal.id, proposal.modelName, proposal.package, proposal.note, proposal.proposedBy, proposal.proposedByName],
    );
  }

  async byId(id: string, manager?: EntityManager): Promise<StoredProposal | undefined> {
    const rows: StoredProposal[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM nlu_activation_proposals WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  list(state: ProposalState | undefined, limit: number): Promise<StoredProposal[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM nlu_activation_proposals WHERE ($1::text IS NULL OR state = $1)
        ORDER BY created_at DESC LIMIT $2`,
      [state ?? null, limit],
    );
  }

  /**
   * Moves a pending proposal to its decision; false when it was no longer pending (someone else decided first), so
   * of two concurrent deciders exactly one wins.
   */
  async decide(
    manager: EntityManager,
    id: string,
    decision: { state: 'approved' | 'rejected'; decidedBy: string; note: string | null },
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE nlu_activation_proposals SET state = $2, decided_by = $3, decision_note = $4, decided_at = now()
        WHERE id = $1 AND state = 'pending'`,
      [id, decision.state, decision.decidedBy, decision.note],
    )) as [unknown, number];
    return affected === 1;
  }
}
