import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { SignInSettings } from './sign-in-settings.ts';

/** The console paths the identity provider sends the browser back to; both are registered for the client. */
export const CALLBACK_PATH = '/console/callback';
const SIGNED_OUT_PATH = '/console/';

/**
 * A member of staff's session: authorization code with PKCE against the app's issuer, tokens in sessionStorage (gone
 * when the tab closes, never in a cookie or localStorage), the access token renewed with the refresh token before it
 * expires, and sign-out at the provider so its session and refresh token end too.
 */
export class StaffSession {
  private readonly manager: UserManager;

  constructor(settings: SignInSettings) {
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: settings.issuer,
      client_id: settings.clientId,
      scope: settings.scope,
      response_type: 'code',
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      monitorSession: false,
      loadUserInfo: false,
    });
  }

  /** The signed-in user, or undefined when there is none or the tokens can no longer be renewed. */
  async current(): Promise<User | undefined> {
    const user = await this.manager.getUser();
    if (!user) return undefined;
    if (!user.expired) return user;
    if (!user.refresh_token) return undefined;
    return (await this.manager.signinSilent().catch(() => null)) ?? undefined;
  }

  signIn(returnTo: string): Promise<void> {
    return this.manager.signinRedirect({ state: returnTo });
  }

  /** Finishes the redirect back from the provider; answers where the person was going. */
  async completeSignIn(): Promise<string> {
    const user = await this.manager.signinRedirectCallback();
    return typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
  }

  async accessToken(): Promise<string | undefined> {
    return (await this.current())?.access_token;
  }

  signOut(): Promise<void> {
    return this.manager.signoutRedirect();
  }

  /** Forgets the tokens here without asking the provider (when the API says they are no longer valid). */
  forget(): Promise<void> {
    return this.manager.removeUser();
  }

  /** When the tokens can no longer be renewed (refresh token expired or revoked, provider session ended). */
  onEnded(listener: () => void): void {
    this.manager.events.addSilentRenewError(listener);
  }
}
