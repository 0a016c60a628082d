import { type DynamicModule, Module } from '@nestjs/common';
import { KefuConfig } from './kefu-config.ts';

/** Makes the settings validated at boot injectable everywhere. */
@Module({})
export class ConfigModule {
  static forRoot(config: KefuConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: KefuConfig, useValue: config }],
      exports: [KefuConfig],
    };
  }
}
