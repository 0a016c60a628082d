import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/index.ts';
import { AccessGuard } from './access.guard.ts';
import { AuthController } from './auth.controller.ts';
import { DemoIdentityProvider } from './demo-idp/demo-identity-provider.ts';
import { RouteCatalog } from './route-catalog.ts';
import { StaffTokenVerifier } from './staff-token-verifier.ts';
import { VisitorTokens } from './visitor-tokens.ts';

@Module({
  imports: [DiscoveryModule, AuditModule],
  controllers: [AuthController],
  providers: [
    StaffTokenVerifier,
    VisitorTokens,
    DemoIdentityProvider,
    RouteCatalog,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [RouteCatalog, DemoIdentityProvider, VisitorTokens],
})
export class AuthModule {}
