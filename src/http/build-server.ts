import type { DemoPki } from '../signature/demo-pki/demo-pki.js';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { documentedResponses, ERROR_BODY_SCHEMA } from './openapi-responses.js';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/app-deps.js';
import { appError } from '../app/app-error.js';
import { MAX_ATTACHMENT_BYTES } from '../app/upload-attachment.js';
import { AttachmentUnavailable } from '../store/sql-case-store.js';
import { frameworkRefusal, MISSING_HOST, NO_SUCH_ROUTE, sendFrameworkRefusal } from './framework-errors.js';
import { sendError } from './http-context.js';
import { refuseNulCharacters } from './refuse-nul-characters.js';
import { limitRequestRates, type RateLimits } from './request-rate-limits.js';
import { requestLanguage } from './request-language.js';
import { EDGE_ERROR_STATUS } from './error-status.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { caseRoutes } from './routes/case-routes.js';
import { catalogueRoutes } from './routes/catalogue-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { handbookRoutes } from './routes/handbook-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { registryRoutes } from './routes/registry-routes.js';
import { resultRoutes } from './routes/result-routes.js';
import { signatureRoutes } from './routes/signature-routes.js';
import { webRoutes } from './routes/web-routes.js';
import { loggerOption, REQUEST_ID_HEADER, requestIdOf, type LogSettings } from './server-logging.js';
import { newServerMetrics, observeRequest, type ServerMetrics } from './server-metrics.js';
import { DEFAULT_WEB_SECURITY, helmetOptions, installWebSecurity, type WebSecurity } from './web-security.js';
import { answerClientError } from './client-error.js';
import { standInRoutes } from './routes/stand-in-routes.js';
import { courierRoutes } from './routes/courier-routes.js';
import { webPageExists } from '../app/web-page-exists.js';

/** What a person reads when the server fails them: a bug, logged with the request; nothing they sent is to blame. */
const INTERNAL_ERROR = {
  kk: 'Серверде ішкі қате болды: бұл сіздің қателігіңіз емес. Сәл кейін қайталап көріңіз.',
  ru: 'Внутренняя ошибка сервера: вы ни в чём не виноваты. Повторите попытку чуть позже.',
  en: 'The server failed: nothing you did caused it. Try again in a moment.',
} as const;

/** Options of the HTTP server. */
export interface ServerOptions {
  /** JSON logs with request ids (off in tests): true for stdout at info, or a level and a stream. */
  readonly logger?: LogSettings;
  readonly metrics?: ServerMetrics;
  /** Requests per minute per address and per person; none when absent (tests, benchmarks). */
  readonly rateLimits?: RateLimits;
  /** Fastify's trustProxy: take the client's address from X-Forwarded-For behind a reverse proxy. */
  readonly trustProxy?: boolean | string;
  /** The demo PKI, when it stands in for NCA RK: the demo applicants' keys sign in the browser's place. */
  readonly demoPki?: DemoPki | undefined;
  /** Cookies, sessions, sign-in lockout (web-security.ts); the defaults when absent. */
  readonly security?: WebSecurity;
  /** The bearer token /metrics is served to; without it there is no /metrics. */
  readonly metricsToken?: string | undefined;
  /** Where the pages find NCALayer, when not at its own address (a simulator in tests): NCALAYER_URL. */
  readonly ncalayerUrl?: string | undefined;
}

/** Builds the REST API on the application's wiring; the caller listens (or injects, in tests). */
export async function buildServer(deps: AppDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOption(options.logger),
    // A proxy's X-Request-Id is kept (when it is a plain token), else one is made; it is logged as reqId and returned.
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Malformed addresses are refused before routing: in the user's language too.
    frameworkErrors: (error, request, reply) => sendFrameworkRefusal(request, reply, frameworkRefusal(error) ?? NO_SUCH_ROUTE),
    // And so are requests Node's parser cannot read at all.
    clientErrorHandler: answerClientError,
    // Node answers a missing Host with a bare English 400; the hook below answers it in the user's language.
    http: { requireHostHeader: false },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersionMajor === 1 && request.raw.httpVersionMinor >= 1 && request.headers.host === undefined)
      return sendFrameworkRefusal(request, reply, MISSING_HOST);
  });
  const metrics = options.metrics ?? newServerMetrics();
  // Bodies are validated by zod in the handlers, so errors speak the user's language; the JSON
  // schemas on the routes document the API only.
  app.setValidatorCompiler(() => () => true);
  await app.register(helmet, helmetOptions(options.ncalayerUrl));
  await app.register(cookie);
  installWebSecurity(app, options.security ?? DEFAULT_WEB_SECURITY);
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    // After the body is parsed, so the login route can count attempts per login.
    hook: 'preHandler',
    errorResponseBuilder: (request, context) => {
      const lang = requestLanguage(request);
      // context.after is English ("1 minute"): the wait is said in seconds in each language instead.
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const message = {
        kk: `Тым көп әрекет: ${seconds} секундтан кейін қайталаңыз.`,
        ru: `Слишком много попыток: повторите через ${seconds} с.`,
        en: `Too many attempts: try again in ${seconds} s.`,
      };
      return { statusCode: 429, code: 'rate-limited', message: message[lang] };
    },
  });
  app.addSchema(ERROR_BODY_SCHEMA);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'reglament',
        description: "Kazakhstan's state-service regulations as code: the REST API",
        version: '0.1.0',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      // Relative: the API is where this document is served from.
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: documentedResponses,
    // Shared schemas keep their own names in components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    // While shutting down, each answer closes its connection, so kept-alive clients let the server go.
    if (metrics.draining) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    observeRequest(metrics, request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AttachmentUnavailable) {
      return sendError(
        request,
        reply,
        appError(
          'attachment-unavailable',
          'Құжат басқа іске тіркелген.',
          'Документ уже приложен к другому делу.',
          'The document is already attached to another case.',
        ),
      );
    }
    // The rate limiter's refusal is already in the user's language.
    if ((error as { code?: string }).code === 'rate-limited')
      return reply.status(EDGE_ERROR_STATUS['rate-limited']).send({ error: { code: 'rate-limited', message: (error as Error).message } });
    // Fastify's own refusals (body too large, malformed JSON, wrong content type) keep their status, in the user's language.
    const refusal = frameworkRefusal(error);
    if (refusal) return sendFrameworkRefusal(request, reply, refusal);
    request.log.error(error);
    return reply.status(EDGE_ERROR_STATUS.internal).send({ error: { code: 'internal', message: INTERNAL_ERROR[requestLanguage(request)] } });
  });
  app.setNotFoundHandler((request, reply) => sendFrameworkRefusal(request, reply, NO_SUCH_ROUTE));
  refuseNulCharacters(app);
  if (options.rateLimits) limitRequestRates(app, deps, options.rateLimits);

  await healthRoutes(app, deps, metrics, options.metricsToken);
  await authRoutes(app, deps);
  await catalogueRoutes(app, deps);
  await caseRoutes(app, deps);
  await attachmentRoutes(app, deps);
  await registryRoutes(app, deps);
  await resultRoutes(app, deps);
  await signatureRoutes(app, deps, options.demoPki, options.ncalayerUrl);
  await dashboardRoutes(app, deps);
  await handbookRoutes(app, deps);
  await standInRoutes(app, deps);
  await courierRoutes(app, deps);
  await webRoutes(app, (pathname) => webPageExists(deps, pathname));
  return app;
}
