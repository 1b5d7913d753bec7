import { describe, expect, it } from 'vitest';
import {
  TechniqueDataError,
  formatPath,
  parseAdverseEvents,
  parseScreening,
  parseTechniques,
} from '../../../src/domain/technique/load.ts';
import screeningJson from '../../../data/technique/screening.json';
import techniquesJson from '../../../data/technique/techniques.json';
import adverseEventsJson from '../../../data/technique/adverse-events.json';

/** A deep, mutable copy of a bundled file to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are broken on purpose
function copy(v: unknown): any {
  return JSON.parse(JSON.stringify(v));
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('formatPath', () => {
  it('array indices in brackets, keys with dots', () => {
    expect(formatPath(['items', 3, 'category'])).toBe('items[3].category');
  });
  it('empty path', () => {
    expect(formatPath([])).toBe('(root)');
  });
});

describe('malformed technique data', () => {
  it('wrong enum value names the file, path and options', () => {
    const bad = copy(screeningJson);
    bad.items[3].category = 'sometimes';
    expect(messageOf(() => parseScreening(bad))).toBe(
      'data/technique/screening.json: items[3].category: expected one of absolute|relative|precaution',
    );
  });

  it('wrong type names what was expected and what was found', () => {
    const bad = copy(techniquesJson);
    bad.techniques[0].parameters[1].min = '0.2mm';
    expect(messageOf(() => parseTechniques(bad))).toBe(
      'data/technique/techniques.json: techniques[0].parameters[1].min: expected number, got "0.2mm"',
    );
  });

  it('missing sources array', () => {
    const bad = copy(screeningJson);
    delete bad.items[0].sources;
    expect(messageOf(() => parseScreening(bad))).toBe(
      'data/technique/screening.json: items[0].sources: expected array, got nothing',
    );
  });

  it('empty sources array', () => {
    const bad = copy(adverseEventsJson);
    bad.events[2].sources = [];
    expect(messageOf(() => parseAdverseEvents(bad))).toBe(
      'data/technique/adverse-events.json: events[2].sources: expected at least 1 item(s)',
    );
  });

  it('source id not in the registry', () => {
    const bad = copy(screeningJson);
    bad.items[5].sources = ['iscp-2012', 'made-up-2099'];
    expect(messageOf(() => parseScreening(bad))).toBe(
      'data/technique/screening.json: items[5].sources[1]: expected a source id listed in sources, got "made-up-2099"',
    );
  });

  it('wrong version', () => {
    const bad = copy(screeningJson);
    bad.version = 2;
    expect(messageOf(() => parseScreening(bad))).toBe(
      'data/technique/screening.json: version: expected 1, got 2',
    );
  });

  it('effect inconsistent with category', () => {
    const bad = copy(screeningJson);
    const i = bad.items.findIndex((x: { id: string }) => x.id === 'needle-phobia');
    bad.items[i].effect = 'go-with-care';
    expect(messageOf(() => parseScreening(bad))).toBe(
      `data/technique/screening.json: items[${i}].effect: expected "do-not-needle" for a absolute item, got "go-with-care"`,
    );
  });

  it('duplicate item id', () => {
    const bad = copy(screeningJson);
    bad.items[1].id = bad.items[0].id;
    expect(messageOf(() => parseScreening(bad))).toBe(
      `data/technique/screening.json: items[1].id: expected a unique item id, got duplicate "${bad.items[0].id}"`,
    );
  });

  it('rate pointing at an unknown survey', () => {
    const bad = copy(adverseEventsJson);
    bad.events[0].rates[0].surveyId = 'nobody-2000';
    expect(messageOf(() => parseAdverseEvents(bad))).toBe(
      'data/technique/adverse-events.json: events[0].rates[0].surveyId: expected a survey id listed in surveys, got "nobody-2000"',
    );
  });

  it('unexpected key', () => {
    const bad = copy(techniquesJson);
    bad.techniques[0].depthMm = 20;
    expect(messageOf(() => parseTechniques(bad))).toBe(
      'data/technique/techniques.json: techniques[0]: unexpected key(s) "depthMm"',
    );
  });

  it('uses the file name passed in and throws a TechniqueDataError', () => {
    const bad = copy(screeningJson);
    bad.items[0].category = 'x';
    try {
      parseScreening(bad, 'fixtures/bad.json');
      throw new Error('no throw');
    } catch (e) {
      expect(e).toBeInstanceOf(TechniqueDataError);
      expect((e as TechniqueDataError).file).toBe('fixtures/bad.json');
      expect((e as TechniqueDataError).path).toBe('items[0].category');
    }
  });
});
