/**
 * The filter on three.js's console output (src/scene/threeConsole.ts): the Clock deprecation that
 * @react-three/fiber's store causes on every load is dropped, word for word; everything else
 * three says passes, unchanged, at its own level. Checked through three itself: a real
 * `new Clock()` and real `warn` / `error` calls, with the filter installed as the app installs it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock, error, getConsoleFunction, setConsoleFunction, warn } from 'three';
import {
  installThreeConsoleFilter,
  R3F_CLOCK_DEPRECATION,
  threeConsoleFilter,
} from '../../src/scene/threeConsole.ts';

const sink = () => ({ log: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('three console filter', () => {
  const before = getConsoleFunction();
  afterEach(() => {
    setConsoleFunction(before);
    vi.restoreAllMocks();
  });

  it('without it, three does print the warning for a Clock (the case is real)', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setConsoleFunction(null as unknown as Parameters<typeof setConsoleFunction>[0]);
    new Clock();
    expect(spy).toHaveBeenCalledWith(R3F_CLOCK_DEPRECATION);
  });

  it('drops the Clock deprecation, installed as the app installs it', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    installThreeConsoleFilter();
    new Clock();
    expect(spy).not.toHaveBeenCalled();
    // any other warning still reaches the console
    warn('WebGLRenderer: a context was lost.');
    expect(spy).toHaveBeenCalledWith('THREE.WebGLRenderer: a context was lost.');
  });

  it('passes every other message at its level, with its parameters', () => {
    const s = sink();
    const f = threeConsoleFilter(s);
    setConsoleFunction(f);
    warn('Clock: This module has been deprecated.'); // a shorter text is not the one dropped
    warn('Clock: This module has been deprecated. Please use THREE.Timer instead.', 'extra');
    error('WebGLProgram: shader error', 42);
    f('log', 'THREE.WebGLRenderer: 187');
    f('error', R3F_CLOCK_DEPRECATION); // the same words as an error are not hidden either
    expect(s.warn.mock.calls).toEqual([
      ['THREE.Clock: This module has been deprecated.'],
      [R3F_CLOCK_DEPRECATION, 'extra'],
    ]);
    expect(s.error.mock.calls).toEqual([
      ['THREE.WebGLProgram: shader error', 42],
      [R3F_CLOCK_DEPRECATION],
    ]);
    expect(s.log.mock.calls).toEqual([['THREE.WebGLRenderer: 187']]);
    f('warn', R3F_CLOCK_DEPRECATION);
    expect(s.warn).toHaveBeenCalledTimes(2);
  });

  it("prints a node's stack trace as three does, as an error built from the message", () => {
    const s = sink();
    const trace = { isStackTrace: true as const, getError: (m: string) => new Error(`at x: ${m}`) };
    threeConsoleFilter(s)('warn', 'THREE.TSL: odd node', trace);
    expect(s.warn).toHaveBeenCalledTimes(1);
    expect((s.warn.mock.calls[0]![0] as Error).message).toBe('at x: THREE.TSL: odd node');
  });
});
