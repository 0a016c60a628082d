import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule, type AppModuleOptions } from './app.module.ts';
import { runMigrations } from './common/database/migration-runner.ts';
import { HttpErrorFilter } from './common/errors/http-error.filter.ts';
import { createValidationPipe } from './common/errors/validation-pipe.ts';
import { PinoNestLogger } from './common/logging/pino-nest-logger.ts';
import { PostgresIoAdapter } from './common/realtime/postgres-io.adapter.ts';
import { requestIdFor } from './modules/observability/index.ts';

export interface CreateAppOptions extends AppModuleOptions {
  logger: Logger;
}

/** Builds the whole application, ready to listen; shared by `main.ts` and the e2e tests so both run the same app. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdFor,
    // Close idle keep-alive sockets at shutdown so draining ends as soon as in-flight requests finish.
    forceCloseConnections: 'idle',
    // A path parameter up to 1,000 characters reaches the route's own rules, which name it (Fastify's default of 100
    // answered longer ones with its own 414 body, before any rule of ours).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
  });
  const widgetOrigins = config.conversations.widgetOrigins;
  app.useWebSocketAdapter(
    new PostgresIoAdapter(app, { databaseUrl: options.databaseUrl, allowedOrigins: widgetOrigins, logger }),
  );
  // The widget runs on the bank's pages: its REST calls (HTTP fallback, history) come from those origins only.
  if (widgetOrigins.length > 0) app.enableCors({ origin: [...widgetOrigins] });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  if (config.http.apiDocs) mountApiDocs(app);
  if (config.database.migrateOnStart) {
    const applied = await runMigrations(app.get<DataSource>(getDataSourceToken()));
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied database migrations');
  }
  await app.init();
  return app;
}

function mountApiDocs(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kefu API')
      .setDescription('On-premise intelligent customer service. Errors share one body: see ErrorBody.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
