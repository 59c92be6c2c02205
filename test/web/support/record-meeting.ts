import { expect } from 'vitest';
import type { CaseView } from '../../../src/app/view-case.js';
import type { WebServer } from './web-server.js';

const MINUTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * Records a meeting through the API, as its minutes' keeper would: every member present, every
 * voting member for, on `heldOn`, with signed minutes attached. For tests whose page comes after
 * the meeting; `decision` picks one of the decisions the meeting form offers.
 */
export async function recordMeetingByApi(
  server: WebServer,
  caseId: string,
  keeper: string,
  heldOn: string,
  decision: (offered: CaseView['meeting'] & object) => string,
): Promise<void> {
  const token = await server.tokenOf(keeper);
  const view = await server.api.request('GET', `/api/cases/${caseId}`, { token });
  const form = (view.json as CaseView).meeting!;
  const minutes = await server.api.request('POST', '/api/attachments', {
    token,
    multipart: { fileName: 'minutes.pdf', mediaType: 'application/pdf', body: MINUTES },
  });
  const recorded = await server.api.request('POST', `/api/cases/${caseId}/actions`, {
    token,
    body: {
      type: 'record-meeting',
      procedureId: form.procedureId,
      meeting: {
        heldOn,
        present: form.body.members.map((m) => m.id),
        votes: form.body.members.filter((m) => m.position !== 'secretary').map((m) => ({ member: m.id, vote: 'for' })),
        decision: decision(form),
        minutes: (minutes.json as { id: string }).id,
      },
    },
  });
  expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
}
