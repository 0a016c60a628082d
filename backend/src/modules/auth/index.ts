export { AuthModule } from './auth.module.ts';
export { type ConsoleSignIn, consoleSignIn } from './console-sign-in.ts';
export { DemoIdentityProvider } from './demo-idp/demo-identity-provider.ts';
export { renderPermissionMatrix } from './permission-matrix.ts';
export { type CatalogedRoute, RouteCatalog } from './route-catalog.ts';
export { VisitorTokens } from './visitor-tokens.ts';
