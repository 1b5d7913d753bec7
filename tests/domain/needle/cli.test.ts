import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/needle.ts';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { CliError } from '../../../src/cli/errors.ts';

afterEach(() => vi.restoreAllMocks());

function capture() {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  return () => out;
}

describe('needle command', () => {
  const c7 = loadBodyFromDisk().manifest.landmarks['c7-spinous-process']!;
  const entry = c7.skin.join(',');
  const toward = c7.bone.join(',');

  it('--json prints one document in the CONTRACTS §3 shape', async () => {
    const out = capture();
    expect(await run(['--entry', entry, '--toward', toward, '--depth', '30', '--json'])).toBe(0);
    const doc = JSON.parse(out()) as Record<string, unknown>;
    for (const key of [
      'entry',
      'direction',
      'depthMm',
      'layers',
      'tip',
      'nearestDanger',
      'verdict',
      'messages',
    ])
      expect(doc, key).toHaveProperty(key);
    const layers = doc.layers as {
      structure: string;
      kind: string;
      fromMm: number;
      toMm: number;
    }[];
    expect(layers[0]!.structure).toBe('skin');
    expect((doc.tip as { structure: string }).structure).toBe(layers.at(-1)!.structure);
    expect(['safe', 'caution', 'unsafe']).toContain(doc.verdict);
  });

  it('a trigger point by id uses its recommended line and depth', async () => {
    const out = capture();
    await run(['--trigger-point', 'upper-trapezius-trp1', '--side', 'right', '--json']);
    const doc = JSON.parse(out()) as {
      depthMm: number;
      verdict: string;
      layers: { structure: string }[];
    };
    expect(doc.depthMm).toBe(20);
    expect(doc.layers[0]!.structure).toBe('skin');
    expect(doc.verdict).not.toBe('unsafe');
  });

  it('the text output names each tissue and the verdict', async () => {
    const out = capture();
    await run(['--entry', entry, '--normal', '--depth', '10']);
    expect(out()).toMatch(/from mm\s+to mm\s+tissue/);
    expect(out()).toMatch(/Verdict: (SAFE|CAUTION|UNSAFE)/);
  });

  for (const [args, msg] of [
    [
      ['--entry', entry, '--normal', '--depth', '400'],
      /--depth expects millimetres from 0 to 100, got "400"/,
    ],
    [['--entry', '1,2', '--normal', '--depth', '10'], /--entry expects three numbers/],
    [['--entry', entry, '--depth', '10'], /exactly one of --direction, --toward or --normal/],
    [
      ['--entry', entry, '--normal', '--depth', '30', '--length', '25'],
      /more than the 25 mm needle/,
    ],
    [['--entry', entry, '--normal', '--depth'], /--depth needs a value/],
    [['--bogus'], /unknown option "--bogus"/],
    [['--trigger-point', 'no-such-point', '--side', 'left'], /no trigger point "no-such-point"/],
  ] as const) {
    it(`refuses ${args.join(' ')} with a usage error`, async () => {
      const p = run(args);
      await expect(p).rejects.toThrow(msg);
      await expect(p).rejects.toBeInstanceOf(CliError);
    });
  }
});

describe('needle --body', () => {
  it('refuses a body build the model does not offer, naming the ones it does', async () => {
    const p = run(['--entry', '0,1.2,-0.3', '--normal', '--depth', '10', '--body', 'giant']);
    await expect(p).rejects.toThrow(/--body expects one of lean, average, high-bmi, got "giant"/);
  });
});
