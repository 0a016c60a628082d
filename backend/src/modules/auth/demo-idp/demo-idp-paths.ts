/** Where the built-in provider answers: the same paths as a Keycloak realm called `kefu`. */
export const DEMO_REALM_PATH = '/realms/kefu';

/** Where its sign-in form lives (outside the realm path, which oidc-provider owns entirely). */
export const INTERACTION_PATH = '/idp/interaction';
