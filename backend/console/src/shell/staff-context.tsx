import { createContext, useContext } from 'react';
import type { CurrentStaff, KefuApi } from '../api/kefu-api.ts';

/** The signed-in member of staff, the API on their behalf, and the way out. */
export interface StaffContextValue {
  staff: CurrentStaff;
  api: KefuApi;
  signOut(): void;
}

export const StaffContext = createContext<StaffContextValue | undefined>(undefined);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff needs a signed-in StaffContext');
  return value;
}
