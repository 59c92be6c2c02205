import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps.js';
import { dashboardCsv, DASHBOARD_SECTIONS } from '../../app/dashboard-csv.js';
import { dashboardFigures } from '../../app/dashboard-figures.js';
import { signedIn, sendError, sendResult } from '../http-context.js';
import { parseBody } from '../parse-body.js';
import { requestLanguage } from '../request-language.js';

const ZDashboardQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  service: z.string().min(1).optional(),
  office: z.string().min(1).optional(),
  lang: z.string().optional(),
});
const ZCsvQuery = ZDashboardQuery.extend({ section: z.enum(DASHBOARD_SECTIONS) });

/** Dashboards of heads, supervisors and auditors: the figures as JSON, and each table as CSV. */
export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const queries = deps.stores.dashboards;
  const querystring = {
    type: 'object',
    properties: {
      from: { type: 'string', description: 'first local date, YYYY-MM-DD (default: 29 days before `to`)' },
      to: { type: 'string', description: 'last local date, YYYY-MM-DD, included (default: today)' },
      service: { type: 'string', description: 'one service only' },
      office: { type: 'string', description: "one of the person's offices only (its own steps)" },
    },
  };

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Cases by service and status, deadline compliance, overdue steps, durations against terms, a series over time',
        querystring,
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const query = parseBody(ZDashboardQuery, request.query);
      if (!query.ok) return sendError(request, reply, query.error);
      return sendResult(request, reply, await dashboardFigures(deps, queries, principal, query.value));
    }),
  );

  app.get(
    '/api/dashboard.csv',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'One table of the dashboard as CSV, headed in the request language',
        querystring: {
          ...querystring,
          properties: { ...querystring.properties, section: { type: 'string', enum: [...DASHBOARD_SECTIONS] } },
          required: ['section'],
        },
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const query = parseBody(ZCsvQuery, request.query);
      if (!query.ok) return sendError(request, reply, query.error);
      const figures = await dashboardFigures(deps, queries, principal, query.value);
      if (!figures.ok) return sendError(request, reply, figures.error);
      const { section } = query.value;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dashboard-${section}-${figures.value.period.from}-${figures.value.period.to}.csv"`)
        .send(dashboardCsv(deps, figures.value, section, requestLanguage(request)));
    }),
  );
}
