// Substitution boxes (parameter sets) of the GOST 28147-89 block cipher used inside the GOST 34.311-95
// hash. Row i (0-based) is the box K(i+1) applied to the i-th least significant nibble.

/** Eight 16-entry boxes, K1 first. */
export type SubstitutionBoxes = readonly (readonly number[])[];

/** id-GostR3411-94-CryptoProParamSet (RFC 4357, 11.2), Russia's CryptoPro set (OID 1.2.643.2.2.30.1). */
export const CRYPTOPRO_HASH_SBOXES: SubstitutionBoxes = [
  [10, 4, 5, 6, 8, 1, 3, 7, 13, 12, 14, 0, 9, 2, 11, 15],
  [5, 15, 4, 0, 2, 13, 11, 9, 1, 7, 6, 3, 12, 14, 10, 8],
  [7, 15, 12, 14, 9, 4, 1, 0, 3, 11, 5, 2, 6, 10, 8, 13],
  [4, 10, 7, 12, 0, 15, 2, 8, 14, 1, 6, 5, 13, 11, 9, 3],
  [7, 6, 4, 11, 9, 12, 2, 10, 1, 8, 0, 14, 15, 13, 3, 5],
  [7, 6, 2, 4, 13, 9, 15, 0, 10, 1, 5, 11, 8, 14, 12, 3],
  [13, 14, 4, 1, 7, 0, 5, 10, 3, 12, 8, 15, 6, 2, 9, 11],
  [1, 3, 10, 9, 5, 11, 4, 15, 8, 6, 7, 14, 13, 0, 2, 12],
];

/**
 * id-GostR3411-94-TestParamSet, the boxes of the standard's own examples (RFC 5831, 7.3.1). NCA's GOST 34.311-95
 * (hash parameters 1.2.398.3.10.1.3.1.1.0) uses this set: the NCA test CA's signatures verify only with it.
 */
export const TEST_HASH_SBOXES: SubstitutionBoxes = [
  [4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3],
  [14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9],
  [5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11],
  [7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3],
  [6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2],
  [4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14],
  [13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12],
  [1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12],
];
