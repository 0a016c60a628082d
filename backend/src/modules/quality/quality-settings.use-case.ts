import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import type { SaveRuleRequest } from './dto/save-rule.request.ts';
import type { SaveScorecardRequest } from './dto/save-scorecard.request.ts';
import { parseInspectionRuleSpec } from './inspection/inspection-rule.ts';
import { InspectionRuleInUseError, InspectionRuleNotFoundError } from './quality.errors.ts';
import { QualityRepository, type StoredRule, type StoredScorecard } from './quality.repository.ts';

/**
 * Supervisors change inspection rules and scorecards. They decide how every agent is judged, so each change is
 * audited in its own transaction (fail-closed: no record, no change).
 */
@Injectable()
export class QualitySettings {
  constructor(
    private readonly repository: QualityRepository,
    private readonly audit: AuditTrail,
  ) {}

  async saveRule(actor: Actor, id: string, request: SaveRuleRequest): Promise<StoredRule> {
    const spec = parseInspectionRuleSpec(request.spec);
    await this.audit.runAudited(this.entry(actor, 'quality-rule', id, 'save'), (manager) =>
      this.repository.saveRule(manager, { id, name: request.name, spec }, actor.id),
    );
    return (await this.repository.rule(id)) as StoredRule;
  }

  async deleteRule(actor: Actor, id: string): Promise<void> {
    await this.audit.runAudited(this.entry(actor, 'quality-rule', id, 'delete'), async (manager) => {
      if (!(await this.repository.rule(id, manager, true))) throw new InspectionRuleNotFoundError(id);
      const users = await this.repository.scorecardsUsing(manager, id);
      if (users.length > 0) throw new InspectionRuleInUseError(id, users);
      await this.repository.deleteRule(manager, id);
    });
  }

  async saveScorecard(actor: Actor, id: string, request: SaveScorecardRequest): Promise<StoredScorecard> {
    await this.audit.runAudited(this.entry(actor, 'quality-scorecard', id, 'save'), async (manager) => {
      const known = new Set((await this.repository.rules(manager)).map((rule) => rule.id));
      const violations = request.items.flatMap((item, index) => [
        ...(known.has(item.ruleId)
          ? []
          : [{ field: `items.${index}.ruleId`, rule: 'existingRule', message: `there is no rule ${item.ruleId}` }]),
        ...(request.items.findIndex((other) => other.ruleId === item.ruleId) < index
          ? [{ field: `items.${index}.ruleId`, rule: 'unique', message: `rule ${item.ruleId} is listed twice` }]
          : []),
      ]);
      if (violations.length > 0) throw new RequestValidationError(violations);
      const policy = { reviewBelow: request.reviewBelow ?? 80, samplePercent: request.samplePercent ?? 5 };
      await this.repository.saveScorecard(manager, { id, ...request, ...policy }, actor.id);
    });
    return (await this.repository.scorecard(id)) as StoredScorecard;
  }

  private entry(actor: Actor, type: string, id: string, change: 'save' | 'delete') {
    return {
      actor,
      action: AuditAction.ConfigChange,
      outcome: AuditOutcome.Success,
      target: { type, id },
      details: { change },
    };
  }
}
