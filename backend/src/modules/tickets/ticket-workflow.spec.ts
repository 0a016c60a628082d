import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import { allowedTransitions, assertTransition } from './ticket-workflow.ts';

describe('the ticket workflow', () => {
  it('walks new → open → pending → open → resolved → closed', () => {
    const path = ['new', 'open', 'pending', 'open', 'resolved', 'closed'] as const;
    for (let step = 1; step < path.length; step++) {
      expect(() => assertTransition(path[step - 1], path[step])).not.toThrow();
    }
  });

  it('refuses skipping a step, naming the field, the rule and the allowed next states', () => {
    try {
      assertTransition('new', 'resolved');
      throw new Error('allowed');
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).violations).toEqual([
        {
          field: 'status',
          rule: 'ticketWorkflow',
          message: 'a new ticket cannot become resolved; from new it may go to open',
        },
      ]);
    }
  });

  it('keeps a closed ticket closed', () => {
    expect(allowedTransitions.closed).toEqual([]);
    expect(() => assertTransition('closed', 'open')).toThrow('closed is final');
  });
});
