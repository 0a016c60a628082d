import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import { GroupInUseError, GroupNameTakenError, GroupNotFoundError, MemberNotFoundError } from './routing.errors.ts';
import type { RoutingGroup, Strategy, WorkingHours } from './routing.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';
import { isTimeZone } from './working-hours.ts';

export interface GroupSettings {
  name: string;
  strategy: Strategy;
  workingHours: WorkingHours | null;
  handoffDefault: boolean;
}

/** Skill groups and their members. Every change is audited (`routing.change`) in its own transaction. */
@Injectable()
export class RoutingGroups {
  constructor(
    private readonly groups: RoutingGroupRepository,
    private readonly agents: RoutingAgentRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly audit: AuditTrail,
    private readonly dispatcher: QueueDispatcher,
    private readonly config: KefuConfig,
  ) {}

  list(): Promise<RoutingGroup[]> {
    return this.groups.list();
  }

  async get(id: string): Promise<RoutingGroup> {
    const group = await this.groups.byId(id);
    if (!group) throw new GroupNotFoundError(id);
    return group;
  }

  async create(actor: Actor, settings: GroupSettings): Promise<RoutingGroup> {
    assertWorkingHours(settings.workingHours);
    const id = randomUUID();
    await this.changed(actor, id, { change: 'create', ...summary(settings) }, async (manager) => {
      await this.assertNameFree(manager, settings.name, id);
      await this.groups.save(manager, { id, ...settings });
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, settings: Partial<GroupSettings>): Promise<RoutingGroup> {
    if (settings.workingHours) assertWorkingHours(settings.workingHours);
    await this.changed(actor, id, { change: 'update', ...summary(settings) }, async (manager) => {
      const group = await this.groups.byId(id, manager, true);
      if (!group) throw new GroupNotFoundError(id);
      if (settings.name !== undefined) await this.assertNameFree(manager, settings.name, id);
      await this.groups.save(manager, {
        id,
        name: settings.name ?? group.name,
        strategy: settings.strategy ?? group.strategy,
        // null is a setting (always open); only an absent value keeps the current hours.
        workingHours: settings.workingHours === undefined ? group.workingHours : settings.workingHours,
        handoffDefault: settings.handoffDefault ?? group.handoffDefault,
      });
    });
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.changed(actor, id, { change: 'delete' }, async (manager) => {
      if (!(await this.groups.byId(id, manager, true))) throw new GroupNotFoundError(id);
      const inUse = await this.queue.activeInGroup(manager, id);
      if (inUse > 0) throw new GroupInUseError(id, inUse);
      await this.groups.delete(manager, id);
    });
  }

  async addMember(actor: Actor, groupId: string, agentId: string): Promise<RoutingGroup> {
    await this.changed(actor, groupId, { change: 'add-member', agentId }, async (manager) => {
      if (!(await this.groups.byId(groupId, manager, true))) throw new GroupNotFoundError(groupId);
      await this.agents.ensure(manager, agentId, null, this.config.routing.defaultCapacity);
      await this.groups.addMember(manager, groupId, agentId);
    });
    return this.get(groupId);
  }

  async removeMember(actor: Actor, groupId: string, agentId: string): Promise<RoutingGroup> {
    await this.changed(actor, groupId, { change: 'remove-member', agentId }, async (manager) => {
      if (!(await this.groups.byId(groupId, manager, true))) throw new GroupNotFoundError(groupId);
      if (!(await this.groups.removeMember(manager, groupId, agentId))) throw new MemberNotFoundError(groupId, agentId);
    });
    return this.get(groupId);
  }

  private async changed(
    actor: Actor,
    groupId: string,
    details: Record<string, unknown>,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.audit.runAudited(
      {
        actor,
        action: AuditAction.RoutingChange,
        outcome: AuditOutcome.Success,
        target: { type: 'routing-group', id: groupId },
        details,
      },
      work,
    );
    // Members, hours or strategy changed: waiting customers may be served, or overflow, now.
    this.dispatcher.kick();
  }

  private async assertNameFree(manager: EntityManager, name: string, id: string): Promise<void> {
    const existing = await this.groups.byName(manager, name);
    if (existing && existing.id !== id) throw new GroupNameTakenError(name);
  }
}

function summary(settings: Partial<GroupSettings>): Record<string, unknown> {
  return {
    ...(settings.name !== undefined ? { name: settings.name } : {}),
    ...(settings.strategy !== undefined ? { strategy: settings.strategy } : {}),
    ...(settings.workingHours !== undefined ? { workingHours: settings.workingHours } : {}),
    ...(settings.handoffDefault !== undefined ? { handoffDefault: settings.handoffDefault } : {}),
  };
}

function assertWorkingHours(hours: WorkingHours | null): void {
  if (!hours) return;
  const violations = [];
  if (!isTimeZone(hours.timezone)) {
    violations.push({
      field: 'workingHours.timezone',
      rule: 'isTimeZone',
      message: 'timezone must be an IANA time zone such as Asia/Shanghai',
    });
  }
  hours.windows.forEach((window, index) => {
    if (window.from >= window.to) {
      violations.push({
        field: `workingHours.windows[${index}].to`,
        rule: 'afterFrom',
        message: 'to must be later than from on the same day',
      });
    }
  });
  if (violations.length > 0) throw new RequestValidationError(violations);
}
