import { PageLimit } from '../../../common/validation/page-limit.ts';

export class ListTrainingsQuery {
  @PageLimit({ default: 50, maximum: 200 })
  limit = 50;
}
