/**
 * Every key the web application caches an answer under, declared once: what an action invalidates
 * is then, by construction, what the pages read. A prefix (`inbox`, `manifests`) covers its sub-keys.
 */
export const queryKeys = {
  me: ['me'],
  signatureMode: ['signature-mode'],
  services: ['services'],
  regulation: (id: string | undefined) => ['regulation', id],
  offices: (serviceId: string | undefined) => ['offices', serviceId],
  plan: (serviceId: string, channel: string) => ['plan', serviceId, channel],
  statement: (application: unknown) => ['statement', JSON.stringify(application)],
  case: (id: string) => ['case', id],
  /** Under the case's key: an action on the case refetches the draft too. */
  resultDraft: (caseId: string, outcome: string | undefined) => ['case', caseId, 'result-draft', outcome ?? ''],
  caseExecutors: (caseId: string) => ['executors', 'case', caseId],
  officeExecutors: (officeId: string) => ['executors', 'office', officeId],
  inbox: ['inbox'],
  officeCases: ['inbox', 'office-cases'],
  cabinet: ['cabinet'],
  manifests: ['manifests'],
  manifestsReady: ['manifests', 'ready'],
  manifestList: ['manifests', 'list'],
  registry: (text: string) => ['registry', text],
  verify: (number: string | undefined) => ['verify', number],
  dashboard: (query: string) => ['dashboard', query],
} as const;
