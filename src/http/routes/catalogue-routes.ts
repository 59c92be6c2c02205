import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { regulationOf } from '../../app/app-deps.js';
import { NOT_FOUND, appError } from '../../app/app-error.js';
import { listServices } from '../../app/list-services.js';
import { serviceOffices } from '../../app/service-offices.js';
import { CHANNELS, type TChannel } from '../../core/regulation/schema.js';
import { planTimeline } from '../../core/timeline/plan-timeline.js';
import { yearOf } from '../../core/clock/local-date.js';
import { sendError } from '../http-context.js';
import { parseIsoInstant } from '../../core/clock/iso-instant.js';

const calendarLacksYear = (year: number, first: number, last: number) =>
  appError(
    'invalid-input',
    `Жұмыс күнтізбесінде ${year} жылдың мерекелері мен ауыстырулары жоқ, сондықтан мерзімдерді есептеу мүмкін емес. Күнтізбе ${first}–${last} жылдарды қамтиды.`,
    `В производственном календаре нет праздников и переносов ${year} года, поэтому сроки рассчитать нельзя. Календарь охватывает ${first}–${last} годы.`,
    `The working calendar has no holidays or transfers for ${year}, so no due can be computed. The calendar covers ${first}–${last}.`,
  );

/** The catalogue of services, their regulations and planned timelines, and the offices to apply to. */
export async function catalogueRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/services', { schema: { tags: ['catalogue'], summary: 'The services, one line each' } }, async () => listServices(deps));
  app.get<{ Params: { id: string } }>('/api/services/:id', { schema: { tags: ['catalogue'], summary: 'One regulation as data' } }, async (request, reply) => {
    const regulation = regulationOf(deps, request.params.id);
    return regulation ?? sendError(request, reply, NOT_FOUND);
  });
  app.get<{ Params: { id: string }; Querystring: { submitted?: string; variant?: string; channel?: string } }>(
    '/api/services/:id/timeline',
    { schema: { tags: ['catalogue'], summary: 'The planned timeline of an application submitted at an instant (ISO 8601)' } },
    async (request, reply) => {
      const regulation = regulationOf(deps, request.params.id);
      if (!regulation) return sendError(request, reply, NOT_FOUND);
      const { submitted, variant } = request.query;
      const at = submitted === undefined ? deps.now() : parseIsoInstant(submitted);
      const channel = (request.query.channel ?? regulation.channels[0]) as TChannel;
      if (at === undefined || !CHANNELS.includes(channel) || !regulation.channels.includes(channel)) {
        return sendError(
          request,
          reply,
          appError('invalid-input', 'Уақыт немесе арна жарамсыз.', 'Некорректное время или канал.', 'Invalid instant or channel.'),
        );
      }
      const plan = planTimeline(regulation, { variant: variant ?? regulation.variants[0]?.id, channel, submitted: at }, deps.clockFor);
      const { calendar, zone } = plan.receivingOffice;
      const year = yearOf(zone.local(plan.receipt.receipt).day);
      // A plan for a year the calendar does not know would be a guess stated as a due.
      if (plan.calendarMissingYears.includes(year)) return sendError(request, reply, calendarLacksYear(year, calendar.data.firstYear, calendar.data.lastYear));
      return { ...plan, receivingOffice: plan.receivingOffice.schedule.id };
    },
  );
  app.get<{ Params: { id: string } }>(
    '/api/services/:id/offices',
    { schema: { tags: ['catalogue'], summary: 'The offices that provide a service, and the public service centres' } },
    async (request, reply) => {
      const regulation = regulationOf(deps, request.params.id);
      if (!regulation) return sendError(request, reply, NOT_FOUND);
      return serviceOffices(deps, regulation);
    },
  );
}
