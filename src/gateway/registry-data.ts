// What travels inside SyncChannel <data> for the two lookups we need: a person by IIN (the
// State database "Individuals", ГБД ФЛ) and a legal entity by BIN (the State database "Legal
// entities", ГБД ЮЛ). This is OUR OWN simplified shape, not the live services' schemas: those
// (service ids such as GbdulInfoByBin_v2 or GBDFLUniversal_token in published client code)
// carry far richer records, signed payloads and, for personal data, a consent token from the
// data subject, none of which we have documentation for. The simulator speaks this shape; an
// adapter for the live gateway would translate at this one file.
import type { LegalEntityRecord, PersonRecord } from '../app/ports/egov-gateway.js';
import { err, ok, type Result } from '../core/result.js';
import { childNamed, childText, el, elementChildren, type XmlElement, type XmlNode } from './xml-tree.js';

/** The namespace of our own request and answer data. */
export const REGISTRY_DATA_NS = 'urn:reglament:gateway:registry-data:v1';

/** The service ids the simulator answers by default, one per lookup (our own names). */
export const DEFAULT_SERVICE_IDS = {
  person: 'ReglamentGbdflPersonByIin',
  legalEntity: 'ReglamentGbdulEntityByBin',
} as const;

/** The service id of each lookup. */
export interface ServiceIds {
  readonly person: string;
  readonly legalEntity: string;
}

/** What a registry answered: the record, or that it has none, or that it does not confirm it. */
export type RegistryAnswer<T> =
  | { readonly result: 'found'; readonly record: T }
  | { readonly result: 'not-found' }
  | { readonly result: 'not-confirmed' }
  | { readonly result: 'invalid-identifier' };

const RESULT_CODES = { found: 'FOUND', 'not-found': 'NOT_FOUND', 'not-confirmed': 'NOT_CONFIRMED', 'invalid-identifier': 'INVALID_IDENTIFIER' } as const;
type ResultName = keyof typeof RESULT_CODES;

const N = REGISTRY_DATA_NS;
const leaf = (local: string, text: string | undefined): XmlElement | undefined => (text === undefined ? undefined : el(N, local, text));

/** The <data> content asking for a person. */
export function personRequestData(iin: string): XmlNode[] {
  return [el(N, 'personRequest', el(N, 'iin', iin))];
}

/** The <data> content asking for a legal entity. */
export function legalEntityRequestData(bin: string): XmlNode[] {
  return [el(N, 'legalEntityRequest', el(N, 'bin', bin))];
}

/** Which lookup a <data> content asks for, and the identifier; undefined when it is neither. */
export function readRegistryRequest(data: readonly XmlNode[]): { kind: 'person'; iin: string } | { kind: 'legal-entity'; bin: string } | undefined {
  const root = single(data);
  if (!root || root.ns !== N) return undefined;
  if (root.local === 'personRequest') {
    const iin = childText(root, N, 'iin');
    return iin === undefined ? undefined : { kind: 'person', iin };
  }
  if (root.local === 'legalEntityRequest') {
    const bin = childText(root, N, 'bin');
    return bin === undefined ? undefined : { kind: 'legal-entity', bin };
  }
  return undefined;
}

/** The <data> content answering a person lookup. */
export function personAnswerData(answer: RegistryAnswer<PersonRecord>): XmlNode[] {
  const p = answer.result === 'found' ? answer.record : undefined;
  return [
    el(
      N,
      'personResponse',
      el(N, 'result', RESULT_CODES[answer.result]),
      p
        ? el(
            N,
            'person',
            leaf('iin', p.iin),
            leaf('lastName', p.lastName),
            leaf('firstName', p.firstName),
            leaf('middleName', p.middleName),
            leaf('birthDate', p.birthDate),
          )
        : undefined,
    ),
  ];
}

/** The <data> content answering a legal-entity lookup. */
export function legalEntityAnswerData(answer: RegistryAnswer<LegalEntityRecord>): XmlNode[] {
  const e = answer.result === 'found' ? answer.record : undefined;
  return [
    el(
      N,
      'legalEntityResponse',
      el(N, 'result', RESULT_CODES[answer.result]),
      e
        ? el(
            N,
            'legalEntity',
            leaf('bin', e.bin),
            leaf('nameKk', e.name.kk),
            leaf('nameRu', e.name.ru),
            leaf('registeredAt', e.registeredAt),
            leaf('headIin', e.headIin),
            leaf('headName', e.headName),
            leaf('address', e.address),
          )
        : undefined,
    ),
  ];
}

/** Reads a person lookup's answer, or says what is wrong with it. */
export function readPersonAnswer(data: readonly XmlNode[]): Result<RegistryAnswer<PersonRecord>, string> {
  const head = answerHead(data, 'personResponse');
  if (!head.ok) return head;
  if (head.value.result !== 'found') return ok({ result: head.value.result });
  const p = childNamed(head.value.root, N, 'person');
  const get = (local: string): string | undefined => (p ? childText(p, N, local) : undefined);
  const [iin, lastName, firstName, birthDate] = [get('iin'), get('lastName'), get('firstName'), get('birthDate')];
  if (!iin || !lastName || !firstName || !birthDate) return err('a FOUND person answer lacks iin, lastName, firstName or birthDate');
  const middleName = get('middleName');
  return ok({ result: 'found', record: { iin, lastName, firstName, ...(middleName !== undefined ? { middleName } : {}), birthDate } });
}

/** Reads a legal-entity lookup's answer, or says what is wrong with it. */
export function readLegalEntityAnswer(data: readonly XmlNode[]): Result<RegistryAnswer<LegalEntityRecord>, string> {
  const head = answerHead(data, 'legalEntityResponse');
  if (!head.ok) return head;
  if (head.value.result !== 'found') return ok({ result: head.value.result });
  const e = childNamed(head.value.root, N, 'legalEntity');
  const get = (local: string): string | undefined => (e ? childText(e, N, local) : undefined);
  const [bin, kk, ru, registeredAt] = [get('bin'), get('nameKk'), get('nameRu'), get('registeredAt')];
  if (!bin || !kk || !ru || !registeredAt) return err('a FOUND legal-entity answer lacks bin, nameKk, nameRu or registeredAt');
  const optional = Object.fromEntries((['headIin', 'headName', 'address'] as const).flatMap((k) => (get(k) !== undefined ? [[k, get(k)!]] : [])));
  return ok({ result: 'found', record: { bin, name: { kk, ru }, registeredAt, ...optional } });
}

function single(data: readonly XmlNode[]): XmlElement | undefined {
  const elements = data.filter((n): n is XmlElement => typeof n !== 'string');
  return elements.length === 1 ? elements[0] : undefined;
}

function answerHead(data: readonly XmlNode[], local: string): Result<{ root: XmlElement; result: ResultName }, string> {
  const root = single(data);
  if (!root || root.ns !== N || root.local !== local) return err(`expected one ${local} in ${N}`);
  const code = childText(root, N, 'result');
  const result = (Object.keys(RESULT_CODES) as ResultName[]).find((k) => RESULT_CODES[k] === code);
  if (!result) return err(`unknown result code "${code ?? ''}" in ${local}`);
  if (result !== 'found' && elementChildren(root).length > 1) return err(`a ${code} answer carries a record`);
  return ok({ root, result });
}
