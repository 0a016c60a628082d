import 'reflect-metadata';
import { cpus } from 'node:os';
import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { IsString, MaxLength } from 'class-validator';
import { HttpErrorFilter } from '../common/errors/http-error.filter.ts';
import { createValidationPipe } from '../common/errors/validation-pipe.ts';
import { writeBenchmarkSection } from './benchmark-report.ts';

/**
 * `npm run bench:http`: the same Nest controller, global validation pipe and error filter on the Express and the
 * Fastify adapter, loaded over loopback with autocannon. Backs ADR 0001 with figures.
 */
class GreetingRequest {
  @IsString()
  @MaxLength(50)
  name!: string;
}

@Controller()
class BenchController {
  @Get('ping')
  ping(): { status: string } {
    return { status: 'ok' };
  }

  @Post('greetings')
  greet(@Body() request: GreetingRequest): { greeting: string } {
    return { greeting: `hello ${request.name}` };
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

interface Figures {
  adapter: string;
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const DURATION_SECONDS = Number(process.env.KEFU_BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

async function startApp(adapter: 'express' | 'fastify'): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(
    BenchModule,
    adapter === 'express' ? new ExpressAdapter() : new FastifyAdapter(),
    {
      logger: false,
    },
  );
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

async function load(url: string, route: string, post: boolean): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${route}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    method: post ? 'POST' : 'GET',
    headers: post ? { 'content-type': 'application/json' } : undefined,
    body: post ? JSON.stringify({ name: 'kefu' }) : undefined,
  });
}

async function measure(adapter: 'express' | 'fastify'): Promise<Figures[]> {
  const { app, url } = await startApp(adapter);
  const figures: Figures[] = [];
  for (const [route, post] of [
    ['/ping', false],
    ['/greetings', true],
  ] as const) {
    await autocannon({ url: `${url}${route}`, connections: CONNECTIONS, duration: 2, method: post ? 'POST' : 'GET' });
    const result = await load(url, route, post);
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${adapter} ${route}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    figures.push({
      adapter,
      route: `${post ? 'POST' : 'GET'} ${route}`,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
    });
  }
  await app.close();
  return figures;
}

async function main(): Promise<void> {
  const rows = [...(await measure('express')), ...(await measure('fastify'))];
  const table = [
    '| adapter | route | requests/s | p50 ms | p99 ms |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.adapter} | ${r.route} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} |`),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  await writeBenchmarkSection('http', {
    title: 'HTTP adapter: Express vs Fastify',
    command: 'npm run bench:http',
    body: [
      `NestJS 12 with Kefu's global validation pipe and error filter; autocannon, ${CONNECTIONS} connections,`,
      `${DURATION_SECONDS} s per route after a 2 s warm-up, client and server on the same ${cpus().length}-core machine.`,
      '',
      table,
    ].join('\n'),
  });
}

await main();
