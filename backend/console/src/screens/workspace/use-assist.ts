import { useEffect, useState } from 'react';
import type { Assistance } from '../../api/kefu-api.ts';
import { useStaff } from '../../shell/staff-context.tsx';

/** Agent assist for the customer's latest message: asked again whenever the customer writes something new. */
export function useAssist(conversationId: string, lastCustomerSeq: number | undefined, serving: boolean) {
  const { api } = useStaff();
  const [assistance, setAssistance] = useState<Assistance>();
  useEffect(() => {
    if (!serving || lastCustomerSeq === undefined) return;
    let current = true;
    api.assist(conversationId).then(
      (answer) => current && setAssistance(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, conversationId, lastCustomerSeq, serving]);
  return assistance;
}
