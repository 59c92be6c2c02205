import { describe, expect, it } from 'vitest';
import { englishOrdinal } from './english-ordinal.js';

describe('English ordinals in the term explanations', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [10, '10th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [45, '45th'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
  ])('%i is the %s', (n, ordinal) => {
    expect(englishOrdinal(n)).toBe(ordinal);
  });
});
