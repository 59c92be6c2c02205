// A private key ready to sign with: node:crypto's KeyObject for RSA and ECDSA, the pure-TypeScript GOST key otherwise.

import type { KeyObject } from 'node:crypto';
import type { GostPrivateKey } from '../gost/gost-algorithms.js';

/** A private key of one of the algorithms NCA issues (RSA, GOST) or that tests and other PKIs use (ECDSA). */
export type SigningKey = { readonly algorithm: 'rsa' | 'ecdsa'; readonly key: KeyObject } | { readonly algorithm: 'gost'; readonly key: GostPrivateKey };
