import { describe, expect, it } from 'vitest';
import { renderGate } from './render-gate.js';

describe('the render gate', () => {
  it('refuses a render beyond its limit while the others run, and takes one again once they end', async () => {
    const gate = renderGate(1);
    let finish!: () => void;
    const first = gate.run(() => new Promise<string>((resolve) => (finish = () => resolve('first'))));
    expect(await gate.run(async () => 'second')).toEqual({ ran: false });
    finish();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await gate.run(async () => 'third')).toEqual({ ran: true, value: 'third' });
  });

  it('frees its place when a render fails', async () => {
    const gate = renderGate(1);
    await expect(gate.run(async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await gate.run(async () => 'after')).toEqual({ ran: true, value: 'after' });
  });
});
