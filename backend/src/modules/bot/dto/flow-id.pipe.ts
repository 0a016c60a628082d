import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';

const FLOW_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `:id` of a flow: a lower-case slug (the table holds the same rule). */
@Injectable()
export class FlowIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!FLOW_ID.test(value))
      throw new RequestValidationError([
        {
          field: 'id',
          rule: 'matches',
          message: 'id must be a lower-case slug of letters, digits and dashes (at most 63)',
        },
      ]);
    return value;
  }
}
