import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, VISITOR_ROUTE } from '../../common/access/access.decorators.ts';
import type { Actor } from '../../common/access/actor.ts';
import type { Permission } from '../../common/access/permission.ts';
import { mutuallyExclusiveRoles } from '../../common/access/role.ts';
import { permissionsOf } from '../../common/access/role-permissions.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { AccessDeniedError, AuthenticationError } from './auth.errors.ts';
import { StaffTokenVerifier } from './staff-token-verifier.ts';
import { VisitorTokens } from './visitor-tokens.ts';

/**
 * Global guard: every route is denied unless it is @Public(), a @VisitorRoute() with a valid visitor token, or
 * @RequirePermission(p) with a staff token whose roles grant p. A route with no decision is refused (fail closed).
 * Every refusal of a signed-in member of staff is audited before it is answered (等保 8.1.4.3); refusals of
 * requests without a valid token are only logged, so that anonymous traffic cannot flood the audit chain.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly staffTokens: StaffTokenVerifier,
    private readonly visitorTokens: VisitorTokens,
    private readonly audit: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const visitorRoute = this.reflector.getAllAndOverride<boolean>(VISITOR_ROUTE, targets);
    if (!permission && !visitorRoute) throw new AccessDeniedError('this route has no access decision');
    if (context.getType() === 'ws') return this.socketAllowed(context, visitorRoute);

    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const token = bearerToken(request);
    request.actor = visitorRoute
      ? await this.visitorTokens.verify(token, request.ip)
      : await this.staffActor(token, request, permission as Permission);
    return true;
  }

  /** Sockets authenticate once, at the handshake (the gateway's middleware verifies the token and sets the actor). */
  private socketAllowed(context: ExecutionContext, visitorRoute: boolean): boolean {
    const actor = context.switchToWs().getClient<{ data?: { actor?: Actor } }>().data?.actor;
    if (!visitorRoute || actor?.kind !== 'visitor') throw new AccessDeniedError('this event is for visitors');
    return true;
  }

  private async staffActor(token: string, request: FastifyRequest, permission: Permission): Promise<Actor> {
    const verified = await this.staffTokens.verify(token);
    const actor: Actor = {
      kind: 'staff',
      id: verified.subject,
      username: verified.username,
      roles: verified.roles,
      sourceAddress: request.ip,
    };
    const conflicting = verified.roles.filter((role) => mutuallyExclusiveRoles.includes(role));
    if (conflicting.length > 1) {
      await this.recordRefusal(actor, request, AuditAction.AuthRoleConflict, { roles: conflicting });
      throw new AccessDeniedError(
        `roles ${conflicting.join(' and ')} must not be held together (separation of duties); ask the security administrator to remove one`,
      );
    }
    if (!permissionsOf(verified.roles).has(permission)) {
      await this.recordRefusal(actor, request, AuditAction.AuthAccessDenied, { permission });
      throw new AccessDeniedError(`this needs the ${permission} permission, which none of your roles grants`);
    }
    return actor;
  }

  private async recordRefusal(
    actor: Actor,
    request: FastifyRequest,
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      outcome: AuditOutcome.Denied,
      target: { type: 'route', id: `${request.method} ${request.routeOptions.url ?? request.url}` },
      details,
    });
  }
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim()) : null;
  if (!match?.[1]) throw new AuthenticationError('authorization: a Bearer token is required');
  return match[1];
}
