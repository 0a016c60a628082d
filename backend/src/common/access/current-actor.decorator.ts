import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.ts';

/** The authenticated caller, set on the request by the access guard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return request.actor;
});
