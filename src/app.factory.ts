import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { AppModule } from './app.module';
import { ClientApp } from './common/http/client-app';
import { findHostileInput, jsonNestsDeeperThan, MAX_NESTING, NESTING_MESSAGE } from './common/http/hostile-input';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { createValidationPipe } from './common/http/validation';
import { PinoNestLogger } from './common/logging/pino-nest-logger';
import { Lifecycle } from './lifecycle/lifecycle';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import type { AppConfig } from './config/app-config';
import { fileTooLarge } from './workspace/file-types';
import { WORKSPACE_UPLOAD_ROUTE } from './workspace/workspace.constants';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface CreateAppOptions {
  /** false: build the app without connecting to the database (to export the OpenAPI document). */
  connect?: boolean;
}

/** Builds the whole app (API, OpenAPI, web client) without listening; main.ts and the tests share it. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = pino({ level: config.logLevel, base: { service: 'cooperation-forum' } });
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Fastify's two lines per request are replaced by one of ours (onResponse below).
    logController: new LogController({ disableRequestLogging: true }),
    // Honour a caller's request id (a proxy's), or make one.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, options),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();

  // One JSON line per request, with its id, once the response is sent.
  const lifecycle = app.get(Lifecycle);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Draining (SIGTERM): a request on a connection opened before is answered, and the connection
    // closed after it; the listener is closed, so the next connection goes to another instance.
    if (lifecycle.draining) reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  // JSON nested thousands of levels deep overflowed the stack of the recursive validators: it is
  // refused from its text, before it is parsed by Fastify's own parser. The API takes JSON bodies
  // only (this replaces Nest's parsers, so a form-encoded body is a 415).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    const text = body.toString();
    if (jsonNestsDeeperThan(text, MAX_NESTING)) done(new BadRequestException({ message: NESTING_MESSAGE }), undefined);
    else void parseJson(request as Parameters<typeof parseJson>[0], text, done);
  });
  // A workspace file arrives as its raw bytes (application/octet-stream), on its upload route only.
  // The stream is read here rather than under Fastify's bodyLimit, so that a file too large gets a
  // 413 saying the limit (read to the end and dropped, so the client hears the answer) and no route
  // but the upload takes a body that is not JSON.
  const maxFile = config.workspaceFileMaxBytes;
  fastify.addContentTypeParser('application/octet-stream', (request, payload, done) => {
    if (request.routeOptions.url !== WORKSPACE_UPLOAD_ROUTE) {
      payload.resume();
      return done(
        new UnsupportedMediaTypeException({ message: 'This route takes JSON (application/json)' }),
        undefined,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxFile) chunks.push(chunk);
    });
    payload.on('error', (error) => done(error, undefined));
    payload.on('end', () => {
      if (size > maxFile) done(fileTooLarge(maxFile), undefined);
      else done(null, Buffer.concat(chunks));
    });
  });
  // Text no column can hold (NUL) or that is not text (a lone surrogate), anywhere in the path,
  // the query or the body: a 400 naming the field, before any handler or statement sees it.
  fastify.addHook('preValidation', (request, _reply, done) => {
    for (const part of [request.params, request.query, request.body]) {
      if (Buffer.isBuffer(part)) continue; // a workspace file's bytes: checked by their type, not as text
      const found = findHostileInput(part);
      if (found?.kind === 'text') {
        return done(new BadRequestException({ message: found.message, fields: { [found.field]: [found.message] } }));
      }
      if (found) return done(new BadRequestException({ message: found.message }));
    }
    done();
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });

  await app.register(fastifyCookie);

  const client = new ClientApp(config.clientDir);
  if (client.built) {
    await app.register(fastifyStatic, {
      root: client.dir,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
      maxAge: '1h',
    });
  } else if (options.connect !== false) {
    // (Not when exporting the OpenAPI document, which is how the client gets built.)
    logger.warn({ clientDir: client.dir }, 'the web client is not built: run `npm run build` to serve it');
  }

  const io = new RealtimeIoAdapter(app, {
    allowedOrigins: config.allowedOrigins,
    redisUrl: config.redisUrl,
    streamName: config.redisStream,
  });
  // Exporting the OpenAPI document connects to nothing (with REDIS_URL set, the build hung on Redis).
  if (options.connect !== false) await io.connect();
  app.useWebSocketAdapter(io);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(client));
  // No enableShutdownHooks(): main.ts handles SIGINT/SIGTERM itself (close the app, then the
  // embedded database); Nest's own listeners closed the app a second time ("end on pool more than once").

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Cooperation Forum API',
  });
  return app;
}

export function createOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Cooperation Forum API')
    .setDescription(
      "The public API of the platform for the city's international cooperation: partner cities, their agreements, networks and goals.",
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, info, {
    // The forum's controllers (one per part, src/forum/*) keep the operation ids of the single
    // controller they were split from, so that generated clients do not change.
    operationIdFactory: (controller, method) =>
      `${FORUM_CONTROLLERS.has(controller) ? 'ForumController' : controller}_${method}`,
  });
}

const FORUM_CONTROLLERS = new Set([
  'EditionsController',
  'ProposalsController',
  'AgendaController',
  'RegistrationsController',
  'QaController',
  'MeetingsController',
  'OutcomesController',
]);
