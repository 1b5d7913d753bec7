/**
 * Parsing and loading of the technique and safety data. Errors name the file, the path
 * inside it and what was expected, e.g.
 * `data/technique/screening.json: items[3].category: expected one of absolute|relative|precaution`.
 */
import type { z } from 'zod';
import techniquesJson from '../../../data/technique/techniques.json' with { type: 'json' };
import screeningJson from '../../../data/technique/screening.json' with { type: 'json' };
import adverseEventsJson from '../../../data/technique/adverse-events.json' with { type: 'json' };
import {
  adverseEventsFileSchema,
  screeningFileSchema,
  techniquesFileSchema,
  type AdverseEventsFile,
  type ScreeningFile,
  type Source,
  type TechniquesFile,
} from './schema.ts';

export const TECHNIQUE_FILES = {
  techniques: 'data/technique/techniques.json',
  screening: 'data/technique/screening.json',
  adverseEvents: 'data/technique/adverse-events.json',
} as const;

type PathKey = PropertyKey;

/** A validation failure in a technique data file. `message` is `file: path: expected`. */
export class TechniqueDataError extends Error {
  readonly file: string;
  readonly path: string;
  readonly expected: string;
  constructor(file: string, path: string, expected: string) {
    super(`${file}: ${path}: ${expected}`);
    this.name = 'TechniqueDataError';
    this.file = file;
    this.path = path;
    this.expected = expected;
  }
}

/** `['items', 3, 'category']` → `items[3].category`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}, got ${describeValue(input)}`
        : `expected one of ${issue.values.map(String).join('|')}`;
    case 'invalid_type':
      return `expected ${issue.expected}, got ${describeValue(input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'expected a non-empty string';
      return `expected a value >= ${String(issue.minimum)}, got ${describeValue(input)}`;
    case 'too_big':
      return `expected a value <= ${String(issue.maximum)}, got ${describeValue(input)}`;
    case 'unrecognized_keys':
      return `unexpected key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? issue.message : issue.format}, got ${describeValue(input)}`;
    default:
      return issue.message;
  }
}

function parseWith<S extends z.ZodType>(schema: S, json: unknown, file: string): z.output<S> {
  const r = schema.safeParse(json, { reportInput: true });
  if (!r.success) {
    const issue = r.error.issues[0];
    if (!issue) throw new TechniqueDataError(file, '(root)', 'invalid');
    throw new TechniqueDataError(file, formatPath(issue.path), describeIssue(issue));
  }
  return r.data;
}

/** Checks ids are unique within a list. */
function checkUnique(
  file: string,
  list: readonly { id: string }[],
  listPath: string,
  what: string,
): void {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.id)) {
      throw new TechniqueDataError(
        file,
        `${listPath}[${i}].id`,
        `expected a unique ${what} id, got duplicate ${JSON.stringify(entry.id)}`,
      );
    }
    seen.add(entry.id);
  });
}

/** Checks every referenced source id is in the file's source registry. */
function checkSourceRefs(
  file: string,
  sources: readonly Source[],
  refs: readonly (readonly [path: string, ids: readonly string[]])[],
): void {
  const known = new Set(sources.map((s) => s.id));
  for (const [path, ids] of refs) {
    ids.forEach((sid, i) => {
      if (!known.has(sid)) {
        throw new TechniqueDataError(
          file,
          `${path}[${i}]`,
          `expected a source id listed in sources, got ${JSON.stringify(sid)}`,
        );
      }
    });
  }
}

export function parseTechniques(
  json: unknown,
  file: string = TECHNIQUE_FILES.techniques,
): TechniquesFile {
  const data = parseWith(techniquesFileSchema, json, file);
  checkUnique(file, data.sources, 'sources', 'source');
  checkUnique(file, data.techniques, 'techniques', 'technique');
  const refs: [string, readonly string[]][] = [];
  data.techniques.forEach((t, i) => {
    refs.push([`techniques[${i}].sources`, t.sources]);
    t.parameters.forEach((p, j) =>
      refs.push([`techniques[${i}].parameters[${j}].sources`, p.sources]),
    );
  });
  data.effectivenessEvidence.forEach((e, i) =>
    refs.push([`effectivenessEvidence[${i}].sources`, e.sources]),
  );
  checkSourceRefs(file, data.sources, refs);
  return data;
}

export function parseScreening(
  json: unknown,
  file: string = TECHNIQUE_FILES.screening,
): ScreeningFile {
  const data = parseWith(screeningFileSchema, json, file);
  checkUnique(file, data.sources, 'sources', 'source');
  checkUnique(file, data.items, 'items', 'item');
  const refs: [string, readonly string[]][] = [];
  data.items.forEach((item, i) => {
    const expectedEffect = item.category === 'absolute' ? 'do-not-needle' : 'go-with-care';
    if (item.effect !== expectedEffect) {
      throw new TechniqueDataError(
        file,
        `items[${i}].effect`,
        `expected ${JSON.stringify(expectedEffect)} for a ${item.category} item, got ${JSON.stringify(item.effect)}`,
      );
    }
    refs.push([`items[${i}].sources`, item.sources]);
    item.escalations?.forEach((e, j) => {
      refs.push([`items[${i}].escalations[${j}].sources`, e.sources]);
      const want = e.category === 'absolute' ? 'do-not-needle' : 'go-with-care';
      if (e.effect !== want) {
        throw new TechniqueDataError(
          file,
          `items[${i}].escalations[${j}].effect`,
          `expected ${JSON.stringify(want)} for a ${e.category} escalation, got ${JSON.stringify(e.effect)}`,
        );
      }
    });
  });
  checkSourceRefs(file, data.sources, refs);
  return data;
}

export function parseAdverseEvents(
  json: unknown,
  file: string = TECHNIQUE_FILES.adverseEvents,
): AdverseEventsFile {
  const data = parseWith(adverseEventsFileSchema, json, file);
  checkUnique(file, data.sources, 'sources', 'source');
  checkUnique(file, data.surveys, 'surveys', 'survey');
  checkUnique(file, data.events, 'events', 'event');
  checkUnique(file, data.aftercare, 'aftercare', 'aftercare');
  const surveyIds = new Set(data.surveys.map((s) => s.id));
  const refs: [string, readonly string[]][] = [];
  data.surveys.forEach((s, i) => {
    refs.push([`surveys[${i}].sources`, s.sources]);
    refs.push([`surveys[${i}].limitationSources`, s.limitationSources]);
  });
  data.events.forEach((e, i) => {
    refs.push([`events[${i}].sources`, e.sources]);
    e.rates.forEach((r, j) => {
      if (!surveyIds.has(r.surveyId)) {
        throw new TechniqueDataError(
          file,
          `events[${i}].rates[${j}].surveyId`,
          `expected a survey id listed in surveys, got ${JSON.stringify(r.surveyId)}`,
        );
      }
    });
  });
  data.aftercare.forEach((a, i) => refs.push([`aftercare[${i}].sources`, a.sources]));
  checkSourceRefs(file, data.sources, refs);
  return data;
}

export interface TechniqueCatalog {
  techniques: TechniquesFile;
  screening: ScreeningFile;
  adverseEvents: AdverseEventsFile;
}

let cached: TechniqueCatalog | undefined;

/**
 * The bundled technique, screening and adverse-event data, validated once.
 *
 * @example
 * const { screening } = loadTechniqueCatalog();
 * const result = screen(screening, { anticoagulant: 'yes' }, { region: 'limb', electricalStimulation: false });
 */
export function loadTechniqueCatalog(): TechniqueCatalog {
  cached ??= {
    techniques: parseTechniques(techniquesJson),
    screening: parseScreening(screeningJson),
    adverseEvents: parseAdverseEvents(adverseEventsJson),
  };
  return cached;
}

/** Looks a source up by id in a file's registry; throws if it is missing (a data bug). */
export function sourceById(sources: readonly Source[], sourceId: string): Source {
  const s = sources.find((x) => x.id === sourceId);
  if (!s) throw new Error(`sourceById: unknown source ${JSON.stringify(sourceId)}`);
  return s;
}
