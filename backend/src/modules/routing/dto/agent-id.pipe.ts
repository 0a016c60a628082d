import type { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';

/** `:agentId`: a staff subject id as the identity provider issues it (a UUID from Keycloak, a name elsewhere). */
export class AgentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (/^[A-Za-z0-9._@:-]{1,200}$/.test(value)) return value;
    throw new RequestValidationError([
      { field: 'agentId', rule: 'matches', message: 'agentId must be 1–200 letters, digits or . _ @ : -' },
    ]);
  }
}
