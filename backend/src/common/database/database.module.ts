import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KefuConfig } from '../config/kefu-config.ts';
import { dataSourceOptions, type MigrationList } from './data-source-options.ts';

export interface DatabaseModuleOptions {
  url: string;
  migrations: MigrationList;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [KefuConfig],
          useFactory: (config: KefuConfig) => ({
            ...dataSourceOptions(config, options.url, options.migrations),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}
