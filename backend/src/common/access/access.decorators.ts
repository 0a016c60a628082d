import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permission.ts';

export const PUBLIC_ROUTE = 'kefu:public-route';
export const REQUIRED_PERMISSION = 'kefu:required-permission';
export const VISITOR_ROUTE = 'kefu:visitor-route';

/** Open to anyone, without a token. Kept for the few routes that must be (probes, sign-in, discovery). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Staff with a role that grants this permission (role-permissions.ts). */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** Bank customers holding a visitor token (anonymous or asserted by the bank's portal). */
export const VisitorRoute = (): MethodDecorator & ClassDecorator => SetMetadata(VISITOR_ROUTE, true);
