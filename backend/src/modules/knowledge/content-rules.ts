import type { Violation } from '../../common/errors/request-validation.error.ts';
import type { KnowledgeContent, KnowledgeKind } from './knowledge-item.ts';

/**
 * Rules that span fields (and the item's kind), checked after the DTO's own rules, for API requests and imported
 * rows alike. `prefix` is where the content sits in the request (`content.`), so each violation names its field.
 */
export function contentRuleViolations(kind: KnowledgeKind, content: KnowledgeContent, prefix = ''): Violation[] {
  const violations: Violation[] = [];
  if (kind !== 'intent' && !content.answers.default) {
    violations.push({
      field: `${prefix}answers.default`,
      rule: 'requiredForKind',
      message: `answers.default is required for ${kind} items`,
    });
  }
  if (
    content.effectiveFrom &&
    content.expiresAt &&
    Date.parse(content.expiresAt) <= Date.parse(content.effectiveFrom)
  ) {
    violations.push({
      field: `${prefix}expiresAt`,
      rule: 'isAfterEffectiveFrom',
      message: 'expiresAt must be later than effectiveFrom',
    });
  }
  return violations;
}
