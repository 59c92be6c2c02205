import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCertificates, type X509 } from '../certificate/parse-certificates.js';
import { trustStoreOf, type TrustStore } from './trust-store.js';

const CERT_FILE = /\.(cer|crt|pem|der)$/i;

/** Reads every certificate in the files, and in the certificate files (.cer .crt .pem .der) of the directories, given. */
export function loadTrustStore(paths: readonly string[]): TrustStore {
  const anchors: X509[] = [];
  for (const path of paths) {
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => CERT_FILE.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
    for (const file of files) anchors.push(...parseCertificates(new Uint8Array(readFileSync(file))));
  }
  return trustStoreOf(anchors);
}
