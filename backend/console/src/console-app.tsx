import { Flex, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { type CurrentStaff, KefuApi, SessionEndedError } from './api/kefu-api.ts';
import { fetchSignInSettings } from './auth/sign-in-settings.ts';
import { CALLBACK_PATH, StaffSession } from './auth/staff-session.ts';
import { useLanguage } from './i18n/language-context.tsx';
import { SignInScreen } from './screens/sign-in-screen.tsx';
import { ConsoleShell } from './shell/console-shell.tsx';
import { StaffContext, type StaffContextValue } from './shell/staff-context.tsx';

type Phase =
  | { kind: 'starting' }
  | { kind: 'signed-out'; failed: boolean }
  | { kind: 'signed-in'; staff: CurrentStaff }
  | { kind: 'unavailable' };

/**
 * Start-up: read the sign-in settings, finish a sign-in redirect if this is one, then ask the API who is signed in.
 * Without a session the sign-in screen shows; the console never redirects to the provider on its own, so signing out
 * ends on that screen rather than bouncing straight back into a new sign-in.
 */
export function ConsoleApp() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [session, setSession] = useState<StaffSession>();
  const signedOut = useCallback((failed: boolean) => setPhase({ kind: 'signed-out', failed }), []);
  const api = useMemo(() => session && apiFor(session, () => signedOut(false)), [session, signedOut]);

  // Runs once per page load: the callback's code may be exchanged only once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: start-up reads the location it was loaded at, once.
  useEffect(() => {
    start(`/console${location.pathname}`).catch(() => setPhase({ kind: 'unavailable' }));
  }, []);

  async function start(path: string): Promise<void> {
    const started = new StaffSession(await fetchSignInSettings());
    started.onEnded(() => signedOut(false));
    setSession(started);
    if (path === CALLBACK_PATH) {
      const returnTo = await started.completeSignIn().catch(() => undefined);
      // The callback address is spent either way: a reload must not try the same code again.
      navigate(returnTo ?? '/', { replace: true });
      if (!returnTo) return signedOut(true);
    }
    if (!(await started.current())) return signedOut(false);
    try {
      setPhase({ kind: 'signed-in', staff: await apiFor(started, () => signedOut(false)).me() });
    } catch (error) {
      // An ended session already shows the sign-in screen; anything else means the console cannot start.
      if (!(error instanceof SessionEndedError)) throw error;
    }
  }

  const context = useMemo<StaffContextValue | undefined>(
    () =>
      phase.kind === 'signed-in' && session && api
        ? { staff: phase.staff, api, signOut: () => void session.signOut() }
        : undefined,
    [phase, session, api],
  );

  if (phase.kind === 'unavailable') return <Result status="500" title={t('shell.loadFailed')} />;
  if (phase.kind === 'signed-out' && session) {
    return <SignInScreen failed={phase.failed} onSignIn={() => void session.signIn(location.pathname)} />;
  }
  if (!context) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" aria-label={t('shell.loading')} />
      </Flex>
    );
  }
  return (
    <StaffContext.Provider value={context}>
      <ConsoleShell />
    </StaffContext.Provider>
  );
}

/** The API on behalf of this session; a refused token ends the session here too. */
function apiFor(session: StaffSession, onEnded: () => void): KefuApi {
  return new KefuApi(
    () => session.accessToken(),
    () => void session.forget().then(onEnded),
  );
}
