// Arithmetic on a short Weierstrass curve y² = x³ + ax + b over a prime field, in Jacobian coordinates
// with BigInt. Not constant-time: BigInt operations leak timing anyway; signing happens on the server
// with its own key, where this is the accepted trade-off of a pure-TypeScript implementation.

/** Domain parameters of a curve with a generator of prime order q. */
export interface CurveParameters {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  /** Order of the generator (the subgroup). */
  readonly q: bigint;
  readonly x: bigint;
  readonly y: bigint;
}

/** An affine point; `undefined` stands for the point at infinity. */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

interface JacobianPoint {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
}

const INFINITY: JacobianPoint = { x: 1n, y: 1n, z: 0n };

/** x mod m in [0, m). */
export function mod(x: bigint, m: bigint): bigint {
  const r = x % m;
  return r < 0n ? r + m : r;
}

/** The inverse of x modulo a prime m (extended Euclid). */
export function invert(x: bigint, m: bigint): bigint {
  let a = mod(x, m);
  if (a === 0n) throw new RangeError('zero has no inverse');
  let b = m;
  let u = 1n;
  let v = 0n;
  while (a !== 0n) {
    const q = b / a;
    [a, b] = [b - q * a, a];
    [u, v] = [v - q * u, u];
  }
  return mod(v, m);
}

/** Whether the affine point satisfies the curve equation. */
export function isOnCurve(curve: CurveParameters, point: AffinePoint): boolean {
  const { p, a, b } = curve;
  if (point.x < 0n || point.x >= p || point.y < 0n || point.y >= p) return false;
  return mod(point.y * point.y - (point.x * point.x * point.x + a * point.x + b), p) === 0n;
}

function double(curve: CurveParameters, P: JacobianPoint): JacobianPoint {
  const { p, a } = curve;
  if (P.z === 0n || P.y === 0n) return INFINITY;
  const yy = mod(P.y * P.y, p);
  const s = mod(4n * P.x * yy, p);
  const zz = mod(P.z * P.z, p);
  const m = mod(3n * P.x * P.x + a * zz * zz, p);
  const x = mod(m * m - 2n * s, p);
  const y = mod(m * (s - x) - 8n * yy * yy, p);
  const z = mod(2n * P.y * P.z, p);
  return { x, y, z };
}

function addPoints(curve: CurveParameters, P: JacobianPoint, Q: JacobianPoint): JacobianPoint {
  const { p } = curve;
  if (P.z === 0n) return Q;
  if (Q.z === 0n) return P;
  const pz2 = mod(P.z * P.z, p);
  const qz2 = mod(Q.z * Q.z, p);
  const u1 = mod(P.x * qz2, p);
  const u2 = mod(Q.x * pz2, p);
  const s1 = mod(P.y * qz2 * Q.z, p);
  const s2 = mod(Q.y * pz2 * P.z, p);
  if (u1 === u2) return s1 === s2 ? double(curve, P) : INFINITY;
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = mod(h * h, p);
  const hhh = mod(hh * h, p);
  const v = mod(u1 * hh, p);
  const x = mod(r * r - hhh - 2n * v, p);
  const y = mod(r * (v - x) - s1 * hhh, p);
  const z = mod(P.z * Q.z * h, p);
  return { x, y, z };
}

function toJacobian(point: AffinePoint): JacobianPoint {
  return { x: point.x, y: point.y, z: 1n };
}

function toAffine(curve: CurveParameters, P: JacobianPoint): AffinePoint | undefined {
  if (P.z === 0n) return undefined;
  const zInv = invert(P.z, curve.p);
  const zInv2 = mod(zInv * zInv, curve.p);
  return { x: mod(P.x * zInv2, curve.p), y: mod(P.y * zInv2 * zInv, curve.p) };
}

/** k·P (k ≥ 0); undefined when the result is the point at infinity. */
export function multiply(curve: CurveParameters, point: AffinePoint, k: bigint): AffinePoint | undefined {
  return toAffine(curve, multiplyJacobian(curve, toJacobian(point), k));
}

function multiplyJacobian(curve: CurveParameters, P: JacobianPoint, k: bigint): JacobianPoint {
  let result = INFINITY;
  for (let i = BigInt(k.toString(2).length - 1); i >= 0n; i--) {
    result = double(curve, result);
    if ((k >> i) & 1n) result = addPoints(curve, result, P);
  }
  return result;
}

/** u·P + v·Q, the combination a signature check needs (Shamir's trick: one pass over both scalars). */
export function multiplyAndAdd(curve: CurveParameters, P: AffinePoint, u: bigint, Q: AffinePoint, v: bigint): AffinePoint | undefined {
  const jp = toJacobian(P);
  const jq = toJacobian(Q);
  const both = addPoints(curve, jp, jq);
  const bits = Math.max(u.toString(2).length, v.toString(2).length);
  let result = INFINITY;
  for (let i = BigInt(bits - 1); i >= 0n; i--) {
    result = double(curve, result);
    const bu = (u >> i) & 1n;
    const bv = (v >> i) & 1n;
    if (bu && bv) result = addPoints(curve, result, both);
    else if (bu) result = addPoints(curve, result, jp);
    else if (bv) result = addPoints(curve, result, jq);
  }
  return toAffine(curve, result);
}
