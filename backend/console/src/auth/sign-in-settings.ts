/** What /console/config.json says: the app's OpenID issuer (Keycloak or the built-in provider) and the client. */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

export async function fetchSignInSettings(): Promise<SignInSettings> {
  const response = await fetch('/console/config.json');
  if (!response.ok) throw new Error(`console settings: HTTP ${response.status}`);
  return (await response.json()) as SignInSettings;
}
