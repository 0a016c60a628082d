/** How the audited action ended. `denied` is an authorisation refusal; `failure` is anything else that went wrong. */
export enum AuditOutcome {
  Success = 'success',
  Failure = 'failure',
  Denied = 'denied',
}

export const allAuditOutcomes: readonly AuditOutcome[] = Object.values(AuditOutcome);
