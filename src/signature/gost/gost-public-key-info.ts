// Reading and writing GOST SubjectPublicKeyInfo: AlgorithmIdentifier { key OID, SEQUENCE { curve OID,
// digest-parameters OID } } and a BIT STRING wrapping an OCTET STRING with x ‖ y, each little-endian.

import * as asn1js from 'asn1js';
import type { AffinePoint } from './elliptic-curve.js';
import { bigIntToLittleEndian, littleEndianToBigInt } from './gost-encoding.js';
import type { GostCurve } from './gost-curves.js';
import { gostProfileOf, type GostProfile } from './gost-profiles.js';

/** A GOST public key taken out of its DER wrapping. */
export interface GostPublicKey {
  readonly profile: GostProfile;
  readonly algorithmOid: string;
  readonly curveOid: string;
  readonly curve: GostCurve;
  readonly point: AffinePoint;
}

/** Parses a GOST SubjectPublicKeyInfo; undefined when it is not a GOST key of a known curve. */
export function parseGostPublicKeyInfo(subjectPublicKeyInfo: Uint8Array): GostPublicKey | undefined {
  const spki = asn1js.fromBER(subjectPublicKeyInfo).result;
  if (!(spki instanceof asn1js.Sequence)) return undefined;
  const [algorithm, keyBits] = spki.valueBlock.value;
  if (!(algorithm instanceof asn1js.Sequence) || !(keyBits instanceof asn1js.BitString)) return undefined;
  const [oid, parameters] = algorithm.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) return undefined;
  const algorithmOid = oid.valueBlock.toString();
  const profile = gostProfileOf(algorithmOid);
  if (!profile || profile.publicKeyOid !== algorithmOid) return undefined;
  // The curve OID is the parameters' first element; a key without parameters gets its generation's curve.
  let curveOid = [...profile.curves.keys()][0]!;
  if (parameters instanceof asn1js.Sequence) {
    const first = parameters.valueBlock.value[0];
    if (first instanceof asn1js.ObjectIdentifier) curveOid = first.valueBlock.toString();
  }
  const curve = profile.curves.get(curveOid);
  if (!curve) return undefined;
  const point = decodePoint(new Uint8Array(keyBits.valueBlock.valueHexView), curve.size);
  return point ? { profile, algorithmOid, curveOid, curve, point } : undefined;
}

function decodePoint(bitStringContent: Uint8Array, size: number): AffinePoint | undefined {
  let raw = bitStringContent;
  if (raw.length !== 2 * size) {
    const inner = asn1js.fromBER(raw).result;
    if (!(inner instanceof asn1js.OctetString)) return undefined;
    raw = new Uint8Array(inner.valueBlock.valueHexView);
  }
  if (raw.length !== 2 * size) return undefined;
  return { x: littleEndianToBigInt(raw.subarray(0, size)), y: littleEndianToBigInt(raw.subarray(size)) };
}

/** The parameters SEQUENCE { curve OID, digest-parameters OID } as NCA writes it. */
export function gostKeyParameters(profile: GostProfile, curveOid: string): asn1js.Sequence {
  const value: asn1js.ObjectIdentifier[] = [new asn1js.ObjectIdentifier({ value: curveOid })];
  if (profile.digestParametersOid) value.push(new asn1js.ObjectIdentifier({ value: profile.digestParametersOid }));
  return new asn1js.Sequence({ value });
}

/** DER SubjectPublicKeyInfo of a GOST public point. */
export function encodeGostPublicKeyInfo(profile: GostProfile, curveOid: string, point: AffinePoint): Uint8Array {
  const curve = profile.curves.get(curveOid);
  if (!curve) throw new RangeError(`curve ${curveOid} does not belong to ${profile.name}`);
  const raw = new Uint8Array(2 * curve.size);
  raw.set(bigIntToLittleEndian(point.x, curve.size), 0);
  raw.set(bigIntToLittleEndian(point.y, curve.size), curve.size);
  const wrapped = new asn1js.OctetString({ valueHex: raw }).toBER();
  const spki = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: profile.publicKeyOid }), gostKeyParameters(profile, curveOid)] }),
      new asn1js.BitString({ valueHex: wrapped }),
    ],
  });
  return new Uint8Array(spki.toBER());
}
