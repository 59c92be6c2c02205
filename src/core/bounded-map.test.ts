import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.js';

describe('a bounded map', () => {
  it('never holds more than its capacity, however many distinct keys come', () => {
    const map = new BoundedMap<string, number>(100);
    for (let i = 0; i < 10_000; i++) map.set(`key-${i}`, i);
    expect(map.size).toBe(100);
    // The newest are kept, the oldest gone.
    expect(map.get('key-9999')).toBe(9999);
    expect(map.get('key-9900')).toBe(9900);
    expect(map.get('key-9899')).toBeUndefined();
    expect(map.get('key-0')).toBeUndefined();
  });

  it('evicts the least recently written key first, so a key in use stays', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    map.set('a', 4);
    map.set('d', 5);
    expect(map.get('b')).toBeUndefined();
    expect([map.get('a'), map.get('c'), map.get('d')]).toEqual([4, 3, 5]);
    expect(map.size).toBe(3);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new BoundedMap(0)).toThrow();
    expect(() => new BoundedMap(1.5)).toThrow();
  });
});

describe('what sign-in remembers of sessions and tokens used', () => {
  it('is a bounded map, since its keys come with requests', async () => {
    const { newTouchMemory } = await import('../app/sign-in.js');
    const touches = newTouchMemory();
    expect(touches).toBeInstanceOf(BoundedMap);
    expect(touches.capacity).toBeLessThanOrEqual(10_000);
    // One application's memory is its own: another one in the same process starts empty.
    touches.set('a-session', 1);
    expect(newTouchMemory().get('a-session')).toBeUndefined();
  });
});
