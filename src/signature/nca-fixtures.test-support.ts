import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCertificates, type X509 } from './certificate/parse-certificates.js';

// The NCA RK test PKI copied into test/fixtures/nca (see its README for the source).

/** Absolute path of a file under test/fixtures/nca. */
export function ncaPath(relative: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/nca/${relative}`, import.meta.url));
}

/** The bytes of a file under test/fixtures/nca. */
export function ncaBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(ncaPath(relative)));
}

/** The (first) certificate in a file under test/fixtures/nca. */
export function ncaCert(relative: string): X509 {
  return parseCertificates(ncaBytes(relative))[0]!;
}

/** Instants inside the test certificates' validity: the 2022 end-entity certificates, and the 2021 one in the valid RSA key. */
export const AS_OF_2022 = new Date('2022-06-01T00:00:00Z');
export const AS_OF_2021 = new Date('2021-06-01T00:00:00Z');
