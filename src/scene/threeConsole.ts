/**
 * three.js's own console messages, with one known-harmless warning left out.
 *
 * @react-three/fiber (9.8.2, the newest release) creates a `new THREE.Clock()` for every canvas
 * in its store, and three r183 deprecated Clock in favour of Timer, so every page load printed
 * the deprecation below: a warning about the library's code, which we can neither fix nor act
 * on. three's `setConsoleFunction` is the place three routes all of its log, warn and error
 * calls through, so the filter sits there: console itself is untouched, messages from anything
 * else pass as they are, and of three's only that exact text is dropped. Remove this once
 * @react-three/fiber uses THREE.Timer.
 */
import { setConsoleFunction } from 'three';

/** The exact text three prints for R3F's clock (three's `warn` adds the "THREE." prefix). */
export const R3F_CLOCK_DEPRECATION =
  'THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.';

type Level = 'log' | 'warn' | 'error';
type Sink = Pick<Console, Level>;

interface StackTraceLike {
  readonly isStackTrace: true;
  getError(message: string): Error;
}
const isStackTrace = (x: unknown): x is StackTraceLike =>
  typeof x === 'object' && x !== null && (x as { isStackTrace?: unknown }).isStackTrace === true;

/**
 * What three's messages go through: everything passed on to `sink` as three itself would print
 * it (a node's stack trace as an error), except the clock deprecation warning. Exported for the
 * unit test.
 */
export function threeConsoleFilter(sink: Sink = console) {
  return (type: Level, message: unknown, ...params: unknown[]): void => {
    if (type === 'warn' && message === R3F_CLOCK_DEPRECATION && params.length === 0) return;
    const out = sink[type] ?? sink.log;
    if (isStackTrace(params[0]) && typeof message === 'string')
      out.call(sink, params[0].getError(message));
    else out.call(sink, message, ...params);
  };
}

/** Routes three's console output through the filter (before the first canvas is created). */
export function installThreeConsoleFilter(): void {
  setConsoleFunction(threeConsoleFilter());
}
