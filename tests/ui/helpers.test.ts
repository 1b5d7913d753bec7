import { describe, expect, it } from 'vitest';
import type { Structure } from '../../src/domain/body/manifest.ts';
import { createStructureSearch } from '../../src/ui/search.ts';
import { shortcutFor, SHORTCUT_HELP } from '../../src/ui/shortcuts.ts';
import { displayName, formatBytes, formatVolume, progressFraction } from '../../src/ui/format.ts';
import { groupByKind } from '../../src/ui/StructureList.tsx';
import { answersFileName } from '../../src/ui/quizIo.ts';

const s = (
  id: string,
  name: string,
  kind: Structure['kind'],
  side: Structure['side'],
  group?: string,
): Structure => ({
  id,
  name,
  kind,
  side,
  closed: true,
  triangles: 1,
  volumeCm3: 1,
  ...(group ? { group } : {}),
});

const STRUCTURES = [
  s('trapezius-upper-left', 'Trapezius, upper (descending) part', 'muscle', 'left', 'Trapezius'),
  s('trapezius-upper-right', 'Trapezius, upper (descending) part', 'muscle', 'right', 'Trapezius'),
  s('levator-scapulae-left', 'Levator scapulae', 'muscle', 'left'),
  s('sciatic-nerve-right', 'Sciatic nerve', 'nerve', 'right'),
  s('sternum', 'Sternum', 'bone', 'midline'),
  s('pleura-left', 'Parietal pleura', 'pleura', 'left'),
];

describe('structure search', () => {
  const search = createStructureSearch(STRUCTURES);

  it('empty query gives nothing', () => {
    expect(search.search('   ')).toEqual([]);
  });

  it('a typo still finds the muscle', () => {
    expect(search.search('trapezus')[0]?.name).toMatch(/Trapezius/);
  });

  it('a side word filters to that side', () => {
    const ids = search.search('trapezius left').map((r) => r.id);
    expect(ids).toEqual(['trapezius-upper-left']);
  });

  it('the words in any order: "upper trapezius" finds "Trapezius, upper (descending) part"', () => {
    const ids = search.search('upper trapezius').map((r) => r.id);
    expect(ids.sort()).toEqual(['trapezius-upper-left', 'trapezius-upper-right']);
  });

  it('"r" is shorthand for right', () => {
    expect(search.search('sciatic r').map((r) => r.id)).toEqual(['sciatic-nerve-right']);
  });

  it('the limit is respected', () => {
    expect(search.search('a', 2).length).toBeLessThanOrEqual(2);
  });
});

describe('keyboard shortcuts', () => {
  it('digits and letters choose camera presets', () => {
    expect(shortcutFor({ key: '1' })).toEqual({ type: 'preset', preset: 'front' });
    expect(shortcutFor({ key: 'B' })).toEqual({ type: 'preset', preset: 'back' });
    expect(shortcutFor({ key: '5' })).toEqual({ type: 'preset', preset: 'top' });
  });

  it('letters type instead of acting while a text field has focus', () => {
    expect(shortcutFor({ key: 'f', inTextField: true })).toBeNull();
    expect(shortcutFor({ key: '/', inTextField: true })).toBeNull();
  });

  it('teach keys: clicker keys step the tour, P presents, L / D / O / E work the pointer', () => {
    expect(shortcutFor({ key: 'PageDown', mode: 'teach' })).toEqual({ type: 'tourStep', delta: 1 });
    expect(shortcutFor({ key: 'PageUp', mode: 'teach' })).toEqual({ type: 'tourStep', delta: -1 });
    expect(shortcutFor({ key: 'ArrowRight', mode: 'teach' })).toEqual({
      type: 'tourStep',
      delta: 1,
    });
    expect(shortcutFor({ key: ' ', mode: 'teach' })).toEqual({ type: 'tourStep', delta: 1 });
    // a focused button takes Space, a focused slider the arrows
    expect(shortcutFor({ key: ' ', mode: 'teach', onButton: true })).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', mode: 'teach', inControl: true })).toBeNull();
    expect(shortcutFor({ key: 'p', mode: 'teach' })).toEqual({ type: 'togglePresenting' });
    expect(shortcutFor({ key: 'L', mode: 'teach' })).toEqual({
      type: 'pointerTool',
      tool: 'laser',
    });
    expect(shortcutFor({ key: 'e', mode: 'teach' })).toEqual({ type: 'clearDrawings' });
    // elsewhere L is still the left view, and Page Down does nothing
    expect(shortcutFor({ key: 'l', mode: 'explore' })).toEqual({ type: 'preset', preset: 'left' });
    expect(shortcutFor({ key: 'PageDown', mode: 'explore' })).toBeNull();
  });

  it('Ctrl+Z / Cmd+Z undo the needle, with Shift (or Ctrl+Y) redo; not in a text field, nor elsewhere', () => {
    expect(shortcutFor({ key: 'z', ctrlKey: true, mode: 'needle' })).toEqual({
      type: 'needleUndo',
    });
    expect(shortcutFor({ key: 'z', metaKey: true, mode: 'needle' })).toEqual({
      type: 'needleUndo',
    });
    expect(shortcutFor({ key: 'Z', ctrlKey: true, shiftKey: true, mode: 'needle' })).toEqual({
      type: 'needleRedo',
    });
    expect(shortcutFor({ key: 'y', ctrlKey: true, mode: 'needle' })).toEqual({
      type: 'needleRedo',
    });
    // a slider keeps the shortcut (it has no undo of its own); a text field its own undo
    expect(shortcutFor({ key: 'z', ctrlKey: true, mode: 'needle', inControl: true })).toEqual({
      type: 'needleUndo',
    });
    expect(shortcutFor({ key: 'z', ctrlKey: true, mode: 'needle', inTextField: true })).toBeNull();
    expect(shortcutFor({ key: 'z', ctrlKey: true, mode: 'explore' })).toBeNull();
    expect(shortcutFor({ key: 'z', ctrlKey: true, altKey: true, mode: 'needle' })).toBeNull();
    // without a modifier z is nothing
    expect(shortcutFor({ key: 'z', mode: 'needle' })).toBeNull();
  });

  it('needle keys act only in needle mode; arrows are left to a focused slider', () => {
    expect(shortcutFor({ key: ']', mode: 'needle' })).toEqual({ type: 'needleDepth', deltaMm: 1 });
    expect(shortcutFor({ key: '{', mode: 'needle' })).toEqual({ type: 'needleDepth', deltaMm: -5 });
    expect(shortcutFor({ key: ']', mode: 'explore' })).toBeNull();
    expect(shortcutFor({ key: 'm', mode: 'needle' })).toEqual({ type: 'toggleLungMap' });
    expect(shortcutFor({ key: 'ArrowUp', mode: 'needle' })).toEqual({
      type: 'needleTilt',
      deltaDeg: 2,
    });
    expect(shortcutFor({ key: 'ArrowUp', mode: 'needle', inControl: true })).toBeNull();
    expect(shortcutFor({ key: 'p', mode: 'needle', inTextField: true })).toBeNull();
    // in needle mode the view letters still choose views
    expect(shortcutFor({ key: 'b', mode: 'needle' })).toEqual({ type: 'preset', preset: 'back' });
  });

  it('Escape works even in a text field', () => {
    expect(shortcutFor({ key: 'Escape', inTextField: true })).toEqual({ type: 'escape' });
  });

  it('browser shortcuts with modifiers are left alone', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'f', metaKey: true })).toBeNull();
  });

  it('every key named in the help dialog that is a single character maps to an action', () => {
    const singles = SHORTCUT_HELP.flatMap((h) => h.keys).filter(
      (k) => k.length === 1 && !'↑↓'.includes(k),
    );
    for (const k of singles) expect(shortcutFor({ key: k }), k).not.toBeNull();
  });
});

describe('formatting', () => {
  it('midline structures have no side suffix', () => {
    expect(displayName('Sternum', 'midline')).toBe('Sternum');
    expect(displayName('Deltoid', 'left')).toBe('Deltoid (left)');
  });
  it('volumes', () => {
    expect(formatVolume(3.14159)).toBe('3.1 cm³');
    expect(formatVolume(1834.6)).toBe('1,835 cm³');
  });
  it('bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 kB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
  it('progress is null when the total is unknown and clamped otherwise', () => {
    expect(progressFraction(10, 0)).toBeNull();
    expect(progressFraction(50, 100)).toBe(0.5);
    expect(progressFraction(150, 100)).toBe(1);
  });
});

describe('structure list', () => {
  it('groups by kind in manifest kind order, names sorted', () => {
    const groups = groupByKind(STRUCTURES);
    expect(groups.map(([k]) => k)).toEqual(['muscle', 'bone', 'pleura', 'nerve']);
    expect(groups[0]?.[1].map((x) => x.id)).toEqual([
      'levator-scapulae-left',
      'trapezius-upper-left',
      'trapezius-upper-right',
    ]);
  });
});

describe("a student's answers download", () => {
  it('carries the quiz and the student in its name, in any script', () => {
    expect(answersFileName('Shoulder quiz', 'Ana María')).toBe(
      'shoulder-quiz.ana-maría.answers.json',
    );
    expect(answersFileName('Shoulder quiz', '  ')).toBe('shoulder-quiz.answers.json');
    expect(answersFileName('Shoulder quiz', '李小龙')).toBe('shoulder-quiz.李小龙.answers.json');
    expect(answersFileName('Shoulder quiz', '../../etc/passwd')).toBe(
      'shoulder-quiz.etc-passwd.answers.json',
    );
    expect(answersFileName('Q', 'Ana')).not.toBe(answersFileName('Q', 'Ben'));
  });
});
