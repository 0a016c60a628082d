/** A queued review is reviewed by a supervisor; the agent may appeal, and a second supervisor decides. */
export type ReviewState = 'pending' | 'reviewed' | 'appealed' | 'decided';
export const reviewStates: readonly ReviewState[] = ['pending', 'reviewed', 'appealed', 'decided'];
