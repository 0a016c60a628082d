import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ConfigModule } from './common/config/config.module.ts';
import type { KefuConfig } from './common/config/kefu-config.ts';
import type { MigrationList } from './common/database/data-source-options.ts';
import { DatabaseModule } from './common/database/database.module.ts';
import { migrations } from './migrations.ts';
import { AnalyticsModule } from './modules/analytics/index.ts';
import { AssistModule } from './modules/assist/index.ts';
import { AuditModule } from './modules/audit/index.ts';
import { AuthModule } from './modules/auth/index.ts';
import { BotModule } from './modules/bot/index.ts';
import { ConsoleModule } from './modules/console/index.ts';
import { ConversationsModule } from './modules/conversations/index.ts';
import { CryptoModule } from './modules/crypto/index.ts';
import { JobsModule } from './modules/jobs/index.ts';
import { KnowledgeModule } from './modules/knowledge/index.ts';
import { NluModule } from './modules/nlu/index.ts';
import { ObservabilityModule } from './modules/observability/index.ts';
import { PrivacyModule } from './modules/privacy/index.ts';
import { QualityModule } from './modules/quality/index.ts';
import { RoutingModule } from './modules/routing/index.ts';
import { TicketsModule } from './modules/tickets/index.ts';

export interface AppModuleOptions {
  config: KefuConfig;
  databaseUrl: string;
  /** Modules and migrations added beside the product's own (tests mount probe routes this way). */
  extraModules?: Type[];
  extraMigrations?: MigrationList;
}

/** The feature modules, wired to one validated configuration and one database. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          migrations: [...migrations, ...(options.extraMigrations ?? [])],
        }),
        ObservabilityModule,
        AuditModule,
        AuthModule,
        NluModule,
        CryptoModule,
        PrivacyModule,
        JobsModule,
        KnowledgeModule,
        BotModule,
        ConversationsModule,
        TicketsModule,
        RoutingModule,
        AssistModule,
        QualityModule,
        AnalyticsModule,
        ConsoleModule,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
