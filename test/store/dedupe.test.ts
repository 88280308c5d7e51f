import { afterEach, describe, expect, it, vi } from 'vitest';
import { SharedDeduper } from '../../src/slack/dedupe.js';

describe('SharedDeduper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a repeat to the same replica from memory, and claims events arriving together in one query', async () => {
    const claims: string[][] = [];
    const dedupe = new SharedDeduper(async (keys) => (claims.push([...keys]), new Set(keys)), () => undefined);
    expect(await Promise.all([dedupe.isDuplicate('Ev1'), dedupe.isDuplicate('Ev2')])).toEqual([false, false]);
    expect(await dedupe.isDuplicate('Ev1')).toBe(true);
    expect(claims).toEqual([['Ev1', 'Ev2']]);
  });

  it('treats an event another replica claimed as a duplicate', async () => {
    const dedupe = new SharedDeduper(async (keys) => new Set(keys.filter((key) => key !== 'Ev2')), () => undefined);
    expect(await Promise.all([dedupe.isDuplicate('Ev1'), dedupe.isDuplicate('Ev2')])).toEqual([false, true]);
  });

  it('answers when the store fails or hangs, and reports it', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const failing = new SharedDeduper(() => Promise.reject(new Error('connection refused')), (error) => errors.push(error));
    const first = failing.isDuplicate('Ev3');
    await vi.advanceTimersByTimeAsync(0);
    expect(await first).toBe(false);
    const hanging = new SharedDeduper(() => new Promise<Set<string>>(() => undefined), (error) => errors.push(error), undefined, 1_000);
    const verdict = hanging.isDuplicate('Ev4');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await verdict).toBe(false);
    expect(errors.map((e) => (e as Error).message)).toEqual(['connection refused', 'the shared dedupe check took over 1000 ms']);
  });
});
