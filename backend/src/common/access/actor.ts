import type { Role } from './role.ts';

/** Who is calling: a member of staff signed in through the identity provider, or a bank customer in the widget. */
export interface Actor {
  kind: 'staff' | 'visitor';
  /** Stable subject id from the token (`sub`). */
  id: string;
  /** Display name (`preferred_username`); absent for visitors. */
  username?: string;
  roles: Role[];
  /** The caller's address as the server saw it. */
  sourceAddress: string;
  /** Visitors only: whether the bank's portal vouched for this customer (the token's `verified` claim). */
  verified?: boolean;
}
