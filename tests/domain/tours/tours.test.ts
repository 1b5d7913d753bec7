/**
 * Tours (src/domain/tours): the built-in tours are valid against the catalog and the model, a
 * tour reads back the same after writing, every refusal names the file and the place, and a
 * seeded fuzz of ~1000 mutated files gets either a tour the schema and the catalog accept or a
 * TourFileError, never another error, and leaves Object.prototype alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_STRUCTURE_IDS } from '../../../models/structures.ts';
import { loadCatalogFromDisk, REPO_ROOT } from '../../../src/domain/catalog/node.ts';
import type { Catalog } from '../../../src/domain/catalog/schema.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import {
  loadTourFiles,
  parseTourFile,
  stepSources,
  TourFileError,
  tourCatalogProblems,
  tourToText,
} from '../../../src/domain/tours/file.ts';
import { builtinTour, builtinTours } from '../../../src/domain/tours/builtin.ts';
import { builtinTourFiles, loadToursFromDisk } from '../../../src/domain/tours/node.ts';
import {
  MAX_TOUR_FILE_BYTES,
  stepTriggerPoints,
  TOUR_CAMERA_PRESETS,
  TOUR_LAYER_IDS,
  tourSchema,
  type Tour,
} from '../../../src/domain/tours/schema.ts';
import { LAYER_IDS } from '../../../src/store/layers.ts';
import { CAMERA_PRESETS } from '../../../src/store/viewSlice.ts';
import { jsonFuzzer, prototypeKeys, type Json } from '../../helpers/jsonFuzz.ts';

const FILE = 'class-tour.json';

let catalog: Catalog;
/** The structure ids of the built model (public/models/body.json). */
let modelIds: ReadonlySet<string>;
let tours: Tour[];
let tour: Tour;
let text: string;
beforeAll(() => {
  catalog = loadCatalogFromDisk();
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, 'public', 'models', 'body.json'), 'utf8'),
  ) as { structures: { id: string }[] };
  modelIds = new Set(manifest.structures.map((s) => s.id));
  tours = loadToursFromDisk(REPO_ROOT, catalog, modelIds);
  // the pleura tour uses every kind of field: camera both ways, layers, zones, a needle with
  // the demonstration, the lung map, a selected structure and step sources
  tour = tours.find((t) => t.id === 'where-the-pleura-is-shallow')!;
  text = tourToText(tour);
});

const parse = (t: string) => parseTourFile(t, FILE, catalog, modelIds);

type Doc = { [k: string]: Json } & { steps: Record<string, Json>[] };
const doc = () => JSON.parse(text) as Doc;

/** The TourFileError a text is refused with. */
function refusal(t: string, p: (t: string) => unknown = parse): TourFileError {
  try {
    p(t);
  } catch (err) {
    expect(err).toBeInstanceOf(TourFileError);
    return err as TourFileError;
  }
  throw new Error('the file was accepted');
}

describe('built-in tours', () => {
  it('four tours of 4–7 steps, each from its own file, in file-name order', () => {
    expect(builtinTourFiles()).toEqual([
      'data/tours/headache-from-the-neck-and-shoulder.json',
      'data/tours/low-back-and-buttock-pain.json',
      'data/tours/the-rotator-cuff-and-shoulder-pain.json',
      'data/tours/where-the-pleura-is-shallow.json',
    ]);
    expect(tours.map((t) => t.title)).toEqual([
      'Headache from the neck and shoulder',
      'Low back and buttock pain',
      'The rotator cuff and shoulder pain',
      'Where the pleura is shallow',
    ]);
    for (const t of tours) {
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(4);
      expect(t.steps.length, t.id).toBeLessThanOrEqual(7);
      expect(t.sources.length, t.id).toBeGreaterThan(0);
    }
  });

  it('each parses as an outside file would, against the catalog and the built model', () => {
    for (const file of builtinTourFiles()) {
      const t = readFileSync(join(REPO_ROOT, file), 'utf8');
      const parsed = parseTourFile(t, file, catalog, modelIds);
      expect(tourCatalogProblems(parsed, catalog, modelIds)).toEqual([]);
      // the browser checks selected structures against the registry instead of the model
      expect(tourCatalogProblems(parsed, catalog, new Set(ALL_STRUCTURE_IDS))).toEqual([]);
    }
  });

  it('the files are written as tourToText writes them', () => {
    for (const file of builtinTourFiles()) {
      const t = readFileSync(join(REPO_ROOT, file), 'utf8');
      expect(JSON.parse(tourToText(parse(t)))).toEqual(JSON.parse(t));
    }
  });

  it('every step shows something and names what it rests on', () => {
    for (const t of tours)
      t.steps.forEach((s, i) => {
        const at = `${t.id} steps[${i}]`;
        expect(s.camera, at).toBeDefined();
        // a step that shows no trigger point and states clinical facts must name sources; the
        // lung map's own legend step is the only one that describes the model alone
        if (stepTriggerPoints(s).length === 0 && !s.lungMap)
          expect(s.sources?.length, at).toBeGreaterThan(0);
        for (const src of [...(s.sources ?? []), ...t.sources])
          if (src.url) expect(src.url, at).toMatch(/^https:\/\//);
      });
  });

  it('a depth in millimetres says whose depth it is', () => {
    for (const t of tours)
      t.steps.forEach((s, i) => {
        if (/\d\s*mm\b/.test(s.caption))
          expect(s.caption, `${t.id} steps[${i}]`).toMatch(
            /one average adult|cadavers|MRI|CT of|Ultrasound/,
          );
      });
  });

  it('the pleura tour shows the lung map with the lungs drawn, and demonstrates a needle', () => {
    const lungSteps = tour.steps.filter((s) => s.lungMap);
    expect(lungSteps.length).toBeGreaterThanOrEqual(4);
    for (const s of lungSteps) expect(s.layers?.lungs?.visible).toBe(true);
    const demo = tour.steps.find((s) => s.needle?.demonstrate);
    expect(demo?.needle).toEqual({
      triggerPointId: 'upper-trapezius-trp1',
      side: 'right',
      demonstrate: true,
    });
    const shown = new Set(
      tour.steps.flatMap((s) => stepTriggerPoints(s).map((p) => p.triggerPointId)),
    );
    for (const id of [
      'upper-trapezius-trp1',
      'intercostal-muscles-trp1',
      'rhomboid-major-trp1',
      'middle-trapezius-trp1',
      'pectoralis-major-trp2',
      'serratus-anterior-trp1',
    ])
      expect(shown.has(id), id).toBe(true);
  });

  it('each tour covers the muscles it is about', () => {
    const muscles = (id: string) =>
      new Set(
        tours
          .find((t) => t.id === id)!
          .steps.flatMap((s) => stepTriggerPoints(s))
          .map((p) => catalog.triggerPoints.find((t) => t.id === p.triggerPointId)!.muscleId),
      );
    expect([...muscles('headache-from-the-neck-and-shoulder')]).toEqual(
      expect.arrayContaining([
        'upper-trapezius',
        'sternocleidomastoid',
        'suboccipital-muscles',
        'splenius-capitis',
        'temporalis',
      ]),
    );
    expect([...muscles('low-back-and-buttock-pain')]).toEqual(
      expect.arrayContaining([
        'quadratus-lumborum',
        'gluteus-medius',
        'gluteus-minimus',
        'piriformis',
        'iliocostalis',
        'multifidus',
      ]),
    );
    expect([...muscles('the-rotator-cuff-and-shoulder-pain')]).toEqual(
      expect.arrayContaining([
        'infraspinatus',
        'supraspinatus',
        'teres-minor',
        'subscapularis',
        'deltoid',
      ]),
    );
  });

  it('the browser bundle (import.meta.glob) holds the same tours, validated once', () => {
    expect(builtinTours()).toEqual(tours);
    expect(builtinTours()).toBe(builtinTours());
    expect(builtinTour('low-back-and-buttock-pain')?.title).toBe('Low back and buttock pain');
    expect(builtinTour('nope')).toBeUndefined();
  });

  it("the format's layer ids and camera presets are the viewer's", () => {
    expect([...TOUR_LAYER_IDS]).toEqual([...LAYER_IDS]);
    expect([...TOUR_CAMERA_PRESETS]).toEqual([...CAMERA_PRESETS]);
  });
});

describe('step sources', () => {
  it("the step's own sources first, then each shown trigger point's catalog sources, once each", () => {
    const step = tour.steps.find((s) => s.sources && s.sources.length > 0)!;
    const withPoint = {
      ...step,
      zones: [
        { triggerPointId: 'upper-trapezius-trp1', side: 'right' as const },
        { triggerPointId: 'upper-trapezius-trp2', side: 'right' as const },
      ],
    };
    const list = stepSources(withPoint, catalog);
    expect(list.slice(0, step.sources!.length)).toEqual(step.sources);
    const citations = list.map((s) => s.citation);
    expect(new Set(citations).size).toBe(citations.length);
    const trp1 = catalog.triggerPoints.find((t) => t.id === 'upper-trapezius-trp1')!;
    for (const s of trp1.sources) expect(citations).toContain(s.citation);
  });

  it('a step that shows a point on both sides lists it twice, its sources once', () => {
    const step = {
      title: 't',
      caption: 'c',
      zones: [{ triggerPointId: 'masseter-trp1', side: 'left' as const }],
      needle: { triggerPointId: 'masseter-trp1', side: 'right' as const },
    };
    expect(stepTriggerPoints(step)).toHaveLength(2);
    const masseter = catalog.triggerPoints.find((t) => t.id === 'masseter-trp1')!;
    expect(stepSources(step, catalog)).toHaveLength(masseter.sources.length);
  });
});

describe('tour files: what is accepted', () => {
  it('a tour reads back the same (tourToText → parse → equal)', () => {
    expect(parse(text)).toEqual(tour);
    expect(parse(tourToText(parse(text)))).toEqual(tour);
    expect(text.endsWith('}\n')).toBe(true);
    for (const t of tours) expect(parse(tourToText(t))).toEqual(t);
  });

  it('captions with HTML are kept as plain text, neither stripped nor interpreted', () => {
    const d = doc();
    const html = '<img src=x onerror="alert(1)"><b>Here</b> &amp; <script>x()</script>';
    d.steps[0]!.caption = html;
    expect(parse(JSON.stringify(d)).steps[0]!.caption).toBe(html);
  });

  it('keys in any order and JSON whitespace make no difference', () => {
    const d = doc();
    const reversed = Object.fromEntries(Object.entries(d).reverse());
    expect(parse(JSON.stringify(reversed))).toEqual(tour);
    expect(parse(`\n\t ${JSON.stringify(d)} \r\n`)).toEqual(tour);
  });

  it('a selected structure is checked only when the model ids are given', () => {
    const d = doc();
    d.steps[1]!.selected = 'heart-of-gold';
    expect(parseTourFile(JSON.stringify(d), FILE, catalog).steps[1]!.selected).toBe(
      'heart-of-gold',
    );
  });
});

describe('tour files: each refusal names the file and the place', () => {
  const cases: [string, (d: Doc) => void, RegExp][] = [
    [
      'an unknown trigger point id in a zone',
      (d) => {
        (d.steps[1]!.zones as { triggerPointId: string }[])[0]!.triggerPointId = 'x';
      },
      /steps\[1\]\.zones\[0\]\.triggerPointId: no trigger point "x" in the catalog/,
    ],
    [
      'an unknown trigger point id on the needle',
      (d) => {
        (d.steps[2]!.needle as { triggerPointId: string }).triggerPointId = 'deltoid-trp9';
      },
      /steps\[2\]\.needle\.triggerPointId: no trigger point "deltoid-trp9" in the catalog/,
    ],
    [
      'a pain region the catalog lacks',
      (d) => {
        d.steps[0]!.painRegions = ['temple-right', 'elbow-of-mars'];
      },
      /steps\[0\]\.painRegions\[1\]: no region "elbow-of-mars" in the catalog/,
    ],
    [
      'a side-less region stem (regions are full ids)',
      (d) => {
        d.steps[0]!.painRegions = ['temple'];
      },
      /steps\[0\]\.painRegions\[0\]: no region "temple" in the catalog/,
    ],
    [
      'a pain region listed twice',
      (d) => {
        d.steps[0]!.painRegions = ['temple-right', 'temple-right'];
      },
      /steps\[0\]\.painRegions\[1\]: region "temple-right" is already listed/,
    ],
    [
      'a structure the model lacks',
      (d) => {
        d.steps[1]!.selected = 'heart-of-gold';
      },
      /steps\[1\]\.selected: no structure "heart-of-gold" in the model/,
    ],
    [
      'a bad layer id',
      (d) => {
        d.steps[0]!.layers = { organs: { visible: true, opacity: 1 } };
      },
      /steps\[0\]\.layers: Unrecognized key: "organs"/,
    ],
    [
      'an opacity of 2',
      (d) => {
        d.steps[0]!.layers = { lungs: { visible: true, opacity: 2 } };
      },
      /steps\[0\]\.layers\.lungs\.opacity: Too big: expected number to be <=1/,
    ],
    [
      'a layer without its visibility',
      (d) => {
        d.steps[0]!.layers = { skin: { opacity: 0.5 } };
      },
      /steps\[0\]\.layers\.skin\.visible: Invalid input: expected boolean/,
    ],
    [
      'more than 4 zones',
      (d) => {
        d.steps[3]!.zones = [
          'rhomboid-major-trp1',
          'rhomboid-minor-trp1',
          'middle-trapezius-trp1',
          'middle-trapezius-trp2',
          'upper-trapezius-trp1',
        ].map((id) => ({ triggerPointId: id, side: 'right' }));
      },
      /steps\[3\]\.zones: Too big: expected array to have <=4 items/,
    ],
    [
      'the same zone twice',
      (d) => {
        const zones = d.steps[3]!.zones as Json[];
        zones.push(structuredClone(zones[0]!));
      },
      /steps\[3\]\.zones\[3\]: the zone of "rhomboid-major-trp1:right" is already shown/,
    ],
    [
      'a __proto__ key in a step',
      (d) => {
        Object.defineProperty(d.steps[0]!, '__proto__', {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      },
      /steps\[0\]: Unrecognized key: "__proto__"/,
    ],
    [
      'a __proto__ key among the layers',
      (d) => {
        Object.defineProperty(d.steps[0]!.layers as object, '__proto__', {
          value: { visible: true, opacity: 1 },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      },
      /steps\[0\]\.layers: Unrecognized key: "__proto__"/,
    ],
    [
      'a caption over 600 characters',
      (d) => {
        d.steps[2]!.caption = 'x'.repeat(601);
      },
      /steps\[2\]\.caption: Too big: expected string to have <=600 characters/,
    ],
    [
      'a blank caption',
      (d) => {
        d.steps[2]!.caption = ' \n ';
      },
      /steps\[2\]\.caption: a text that is not blank/,
    ],
    [
      'a step title over 120 characters',
      (d) => {
        d.steps[0]!.title = 't'.repeat(121);
      },
      /steps\[0\]\.title: Too big: expected string to have <=120 characters/,
    ],
    [
      'an id that is not kebab-case',
      (d) => {
        d.id = 'Where The Pleura';
      },
      /id: a kebab-case id/,
    ],
    [
      'an unknown camera preset',
      (d) => {
        d.steps[0]!.camera = { preset: 'side' };
      },
      /steps\[0\]\.camera\.preset: Invalid option: expected one of "front"\|"back"\|"left"\|"right"\|"top"/,
    ],
    [
      'a camera radius out of range',
      (d) => {
        (d.steps[1]!.camera as { radius: number }).radius = 5;
      },
      /steps\[1\]\.camera\.radius: Too big: expected number to be <=2/,
    ],
    [
      'a camera that looks from nowhere',
      (d) => {
        (d.steps[1]!.camera as { from: number[] }).from = [0, 0, 0];
      },
      /steps\[1\]\.camera\.from: a non-zero direction/,
    ],
    [
      'a camera centre outside the body frame',
      (d) => {
        (d.steps[1]!.camera as { center: number[] }).center[1] = 40;
      },
      /steps\[1\]\.camera\.center\[1\]: Too big: expected number to be <=3/,
    ],
    [
      'a camera that mixes both shapes',
      (d) => {
        d.steps[0]!.camera = { preset: 'back', radius: 1 };
      },
      /steps\[0\]\.camera: Unrecognized key: "radius"/,
    ],
    [
      'a source URL that is not https',
      (d) => {
        (d.steps[6]!.sources as { url: string }[])[0]!.url = 'javascript:alert(1)';
      },
      /steps\[6\]\.sources\[0\]\.url: /,
    ],
    [
      'a source URL over plain http',
      (d) => {
        (d.steps[6]!.sources as { url: string }[])[0]!.url = 'http://example.org/paper';
      },
      /steps\[6\]\.sources\[0\]\.url: /,
    ],
    [
      'a side that is neither left nor right',
      (d) => {
        (d.steps[2]!.needle as { side: string }).side = 'both';
      },
      /steps\[2\]\.needle\.side: Invalid option/,
    ],
    [
      'demonstrate that is not a boolean',
      (d) => {
        (d.steps[2]!.needle as { demonstrate: Json }).demonstrate = 'yes';
      },
      /steps\[2\]\.needle\.demonstrate: Invalid input: expected boolean, received string/,
    ],
    [
      'an unknown key',
      (d) => {
        d.autoplay = true;
      },
      /\(root\): Unrecognized key: "autoplay"/,
    ],
    [
      'no steps',
      (d) => {
        d.steps = [];
      },
      /steps: Too small/,
    ],
    [
      'more than 60 steps',
      (d) => {
        d.steps = Array.from({ length: 61 }, () => structuredClone(d.steps[0]!));
      },
      /steps: Too big: expected array to have <=60 items/,
    ],
    [
      'another format',
      (d) => {
        d.format = 'needlewise-quiz';
      },
      /format: Invalid input: expected "needlewise-tour"/,
    ],
    [
      'another version',
      (d) => {
        d.version = 2;
      },
      /version: Invalid input: expected 1/,
    ],
  ];
  for (const [what, change, problem] of cases)
    it(what, () => {
      const d = doc();
      change(d);
      const err = refusal(JSON.stringify(d));
      expect(err.file).toBe(FILE);
      expect(err.message.startsWith(`${FILE}: `)).toBe(true);
      expect(err.message).toMatch(problem);
    });

  it('a __proto__ key written in the file itself, at the top', () => {
    const t = text.replace('{', '{\n  "__proto__": { "polluted": true },');
    expect(refusal(t).message).toMatch(
      /^class-tour\.json: \(root\): Unrecognized key: "__proto__"/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file over MAX_TOUR_FILE_BYTES, counted in UTF-8 bytes, before it is parsed', () => {
    // the tours hold dashes and accents: count the text's own bytes
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length);
    const padded = text + ' '.repeat(MAX_TOUR_FILE_BYTES - bytes + 1);
    expect(padded.length).toBeLessThan(MAX_TOUR_FILE_BYTES);
    expect(refusal(padded).message).toBe(
      `${FILE}: (file): ${MAX_TOUR_FILE_BYTES + 1} bytes is more than the ${MAX_TOUR_FILE_BYTES} bytes allowed`,
    );
    const euros = text + '€'.repeat(Math.ceil(MAX_TOUR_FILE_BYTES / 3));
    expect(euros.length).toBeLessThan(MAX_TOUR_FILE_BYTES);
    expect(refusal(euros).message).toMatch(/^class-tour\.json: \(file\): \d+ bytes is more than/);
    // exactly at the limit it is read (and refused only for what it says, not its size)
    const atLimit = text + ' '.repeat(MAX_TOUR_FILE_BYTES - bytes);
    expect(parse(atLimit)).toEqual(tour);
  });

  it('a file that is not JSON', () => {
    for (const t of ['', 'tour', '<html><body>tour</body></html>', text.slice(0, 200), '{"a":1}}'])
      expect(refusal(t).message).toMatch(/^class-tour\.json: \(file\): not JSON \(/);
  });

  it('JSON that is not an object', () => {
    for (const t of ['null', '42', '"tour"', '[]', 'true'])
      expect(refusal(t).message).toMatch(/^class-tour\.json: \(root\): Invalid input/);
  });

  it('many problems: the first five, and how many more', () => {
    const d = doc();
    for (const s of d.steps) s.caption = 'x'.repeat(700);
    expect(refusal(JSON.stringify(d)).message).toMatch(/; and 2 more$/);
  });

  it('built-in files: the id must be the file name, and no id twice', () => {
    const json = JSON.parse(text) as unknown;
    expect(
      refusal('', () => loadTourFiles([{ file: 'data/tours/other.json', json }], catalog)).message,
    ).toBe(
      'data/tours/other.json: id: "where-the-pleura-is-shallow" differs from the file name "other"',
    );
    const file = 'data/tours/where-the-pleura-is-shallow.json';
    expect(
      refusal('', () =>
        loadTourFiles(
          [
            { file, json },
            { file, json },
          ],
          catalog,
        ),
      ).message,
    ).toMatch(/id: another tour already has the id "where-the-pleura-is-shallow"$/);
  });
});

/** Fuzz: seeded mutations of a valid tour file. */
describe('tour files: fuzz', () => {
  let before: string[];
  beforeAll(() => {
    before = prototypeKeys();
  });
  afterAll(() => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('~1000 mutated files: a valid tour or a TourFileError naming the file and a path, nothing else', () => {
    const rng = mulberry32(20_260_412);
    const fuzz = jsonFuzzer(rng, {
      strings: [
        'right',
        'back',
        'lungs',
        'temple-right',
        'upper-trapezius-trp1',
        'pleura-right',
        'https://example.org/a',
      ],
      keys: ['preset', 'visible', 'opacity', 'triggerPointId', 'side', 'skin', 'fat'],
      numbers: [0.5, 2, 0.05],
    });
    const { int, choose } = fuzz;
    const treeMutations: ((root: Doc) => void)[] = [
      ...fuzz.treeMutations,
      // swap two steps
      (root) => {
        if (!Array.isArray(root.steps)) return;
        const i = int(root.steps.length);
        const j = int(root.steps.length);
        [root.steps[i], root.steps[j]] = [root.steps[j]!, root.steps[i]!];
      },
    ];
    const textMutations: ((t: string) => string)[] = [
      ...fuzz.textMutations,
      // a key written twice (JSON.parse keeps the last)
      (t) =>
        t.replace(
          /"side": "(left|right)"/,
          (m) => `${m}, "side": "${choose(['left', 'middle', 'right'])}"`,
        ),
    ];

    const pathRe = /^(\(file\)|\(root\)|[A-Za-z]\w*(\[\d+\]|\.[A-Za-z_]\w*)*): /;
    const t0 = performance.now();
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 1000; n++) {
      const t = fuzz.mutant(doc, text, treeMutations, textMutations);
      let result: Tour;
      try {
        result = parse(t);
      } catch (err) {
        if (!(err instanceof TourFileError))
          throw new Error(`mutation ${n}: ${String(err)} for ${t.slice(0, 300)}`, { cause: err });
        expect(err.file).toBe(FILE);
        expect(err.message.startsWith(`${FILE}: `), err.message).toBe(true);
        expect(err.problems.length).toBeGreaterThan(0);
        for (const p of err.problems) expect(p, `mutation ${n}`).toMatch(pathRe);
        refused++;
        continue;
      }
      expect(tourSchema.safeParse(result).success, `mutation ${n}`).toBe(true);
      expect(tourCatalogProblems(result, catalog, modelIds), `mutation ${n}`).toEqual([]);
      expect(parse(tourToText(result)), `mutation ${n}`).toEqual(result);
      for (const s of result.steps) {
        expect(Object.hasOwn(s, '__proto__')).toBe(false);
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        if (s.layers) expect(Object.getPrototypeOf(s.layers)).toBe(Object.prototype);
      }
      accepted++;
    }
    expect(refused).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(20);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});
