import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageLimit } from './page-limit.ts';

class PagedQuery {
  @PageLimit({ default: 50, maximum: 200 })
  limit = 50;
}

function read(query: Record<string, string>): { limit: number; errors: string[] } {
  const parsed = plainToInstance(PagedQuery, query);
  const errors = validateSync(parsed).flatMap((error) => Object.values(error.constraints ?? {}));
  return { limit: parsed.limit, errors };
}

describe('a page limit from the query string', () => {
  it('takes the default when absent and a whole number from 1 to the maximum when given', () => {
    expect(read({})).toEqual({ limit: 50, errors: [] });
    expect(read({ limit: '1' })).toEqual({ limit: 1, errors: [] });
    expect(read({ limit: '200' })).toEqual({ limit: 200, errors: [] });
  });

  it('refuses zero, more than the maximum and fractions, naming the field and the rule', () => {
    expect(read({ limit: '0' }).errors).toEqual(['limit must not be less than 1']);
    expect(read({ limit: '201' }).errors).toEqual(['limit must not be greater than 200']);
    expect(read({ limit: '2.5' }).errors).toEqual(['limit must be an integer number']);
  });
});
