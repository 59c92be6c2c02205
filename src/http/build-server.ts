import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/app-deps.js';
import { appError } from '../app/app-error.js';
import { MAX_ATTACHMENT_BYTES } from '../app/upload-attachment.js';
import { AttachmentUnavailable } from '../store/sql-case-store.js';
import { sendError } from './http-context.js';
import { requestLanguage } from './request-language.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { caseRoutes } from './routes/case-routes.js';
import { catalogueRoutes } from './routes/catalogue-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { registryRoutes } from './routes/registry-routes.js';
import { newServerMetrics, type ServerMetrics } from './server-metrics.js';

/** Options of the HTTP server. */
export interface ServerOptions {
  /** pino logging (off in tests). */
  readonly logger?: boolean;
  readonly metrics?: ServerMetrics;
}

/** Builds the REST API on the application's wiring; the caller listens (or injects, in tests). */
export async function buildServer(deps: AppDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  const metrics = options.metrics ?? newServerMetrics();
  // Bodies are validated by zod in the handlers, so errors speak the user's language; the JSON
  // schemas on the routes document the API only.
  app.setValidatorCompiler(() => () => true);
  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    // After the body is parsed, so the login route can count attempts per login.
    hook: 'preHandler',
    errorResponseBuilder: (request, context) => {
      const lang = requestLanguage(request);
      const message = { kk: `Тым көп әрекет: ${context.after} кейін қайталаңыз.`, ru: `Слишком много попыток: повторите через ${context.after}.`, en: `Too many attempts: try again in ${context.after}.` };
      return { statusCode: 429, code: 'rate-limited', message: message[lang] };
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'reglament', description: "Kazakhstan's state-service regulations as code: the REST API", version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addHook('onResponse', async (_request, reply) => {
    const klass = `${Math.floor(reply.statusCode / 100)}xx`;
    metrics.requests[klass] = (metrics.requests[klass] ?? 0) + 1;
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AttachmentUnavailable) {
      return sendError(request, reply, appError('attachment-unavailable', 'Құжат басқа іске тіркелген.', 'Документ уже приложен к другому делу.', 'The document is already attached to another case.'));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      // Fastify's own refusals (rate limit, body too large, malformed JSON) keep their status.
      const code = (error as { code?: string }).code === 'rate-limited' ? 'rate-limited' : status === 413 ? 'attachment-too-large' : 'invalid-input';
      return reply.status(status).send({ error: { code, message: (error as Error).message } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error / Ішкі қате / Внутренняя ошибка' } });
  });

  await healthRoutes(app, deps, metrics);
  await authRoutes(app, deps);
  await catalogueRoutes(app, deps);
  await caseRoutes(app, deps);
  await attachmentRoutes(app, deps);
  await registryRoutes(app, deps);
  return app;
}
