import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DISTRICT_CAPTIONS,
  DISTRICT_COLUMNS,
  csvField,
  districtFiles,
  districtRecord,
  toCsv,
  type DistrictSource,
} from '../../src/domain/district';
import type { StageProgress } from '../../src/domain/roadmap/progress';

const stage = (no: string, total: number, done: number, cancelled = 0): StageProgress => ({
  stage: no,
  title: `Этап ${no}`,
  total,
  done,
  inWork: 0,
  cancelled,
  overdue: 0,
  unconfirmed: 0,
  percent: Math.round((done / (total - cancelled)) * 100),
});

const source = (over: Partial<DistrictSource> = {}): DistrictSource => ({
  school: 'МБОУ «СОШ № 2», г. Кириши',
  period: '2026–2027',
  asOf: '2026-11-25',
  stages: [stage('1', 4, 4), stage('2', 3, 1), stage('3', 2, 1, 1)],
  overall: stage('', 9, 6, 1),
  overdue: [{}, {}],
  questionnaires: { inBank: { mentee: 12, mentor: 9 } },
  year: {
    pairs: { proposed: 2, confirmed: 5, dissolved: 1 },
    programPercent: 40,
    meetings: 17,
    events: { held: 3, planned: 4, unpublished: 1 },
    monitoring: {
      pairs: 5,
      expected: 12,
      answered: 9,
      responseRate: 75,
      menteeSatisfaction: 8.5,
      mentorSatisfaction: null,
      resolvedShare: null,
      programPercent: 40,
      meetings: 17,
      before: null,
      after: null,
    },
    practices: { proposed: 2, approved: 1, published: 2 },
  },
  ...over,
});

describe('districtRecord', () => {
  test('turns the report into the versioned row of counts', () => {
    expect(districtRecord(source(), { pairs: 4, groups: 1 })).toEqual({
      schemaVersion: 1,
      school: 'МБОУ «СОШ № 2», г. Кириши',
      period: '2026–2027',
      asOf: '2026-11-25',
      stagesTotal: 3,
      // Stage 3 has its one open activity cancelled: 1 of 1 done counts as complete.
      stagesDone: 2,
      activitiesTotal: 9,
      activitiesDone: 6,
      activitiesOverdue: 2,
      overallPercent: 75,
      mentees: 12,
      mentors: 9,
      pairs: 4,
      groups: 1,
      pairsProposed: 2,
      pairsDissolved: 1,
      programPercent: 40,
      meetings: 17,
      eventsHeld: 3,
      eventsPlanned: 4,
      monitoringAnswered: 9,
      monitoringExpected: 12,
      monitoringResponseRate: 75,
      menteeSatisfaction: 8.5,
      mentorSatisfaction: null,
      practicesApproved: 3,
    });
  });

  test('before the questionnaires and the year’s work: zeros and nulls, the same columns', () => {
    const record = districtRecord(source({ questionnaires: null, year: null }), { pairs: 0, groups: 0 });
    expect(Object.keys(record)).toEqual([...DISTRICT_COLUMNS]);
    expect(record).toMatchObject({ mentees: 0, mentors: 0, meetings: 0, programPercent: null, monitoringExpected: 0 });
  });

  test('the columns keep their names and order (schema version 1 is a contract with the district)', () => {
    expect(DISTRICT_COLUMNS.slice(0, 4)).toEqual(['schemaVersion', 'school', 'period', 'asOf']);
    expect(new Set(DISTRICT_COLUMNS).size).toBe(DISTRICT_COLUMNS.length);
    // BigQuery column names: letters, digits, underscores.
    for (const c of DISTRICT_COLUMNS) expect(c).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});

describe('CSV (RFC 4180)', () => {
  test('quotes a field with a comma or quotes and doubles the quotes inside', () => {
    expect(csvField('Школа "Радуга", филиал')).toBe('"Школа ""Радуга"", филиал"');
    expect(csvField('две\nстроки')).toBe('"две\nстроки"');
    expect(csvField('МБОУ «СОШ № 2»')).toBe('МБОУ «СОШ № 2»');
    expect(csvField(8.5)).toBe('8.5');
    expect(csvField(null)).toBe('');
  });

  test('one header line and one row, CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  test('the files: the school name with quotes and commas survives CSV and JSON', () => {
    const school = 'МАОУ "Лицей № 1", корпус 2';
    const record = districtRecord(source({ school }), { pairs: 4, groups: 1 });
    const { csv, json } = districtFiles(record);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(DISTRICT_COLUMNS.join(','));
    expect(lines[1].startsWith('1,"МАОУ ""Лицей № 1"", корпус 2",2026–2027,2026-11-25,3,2,')).toBe(true);
    // mentorSatisfaction is null: an empty field, not «null».
    expect(lines[1]).toContain(',8.5,,3');
    expect(JSON.parse(json)).toEqual(record);
    expect(Object.keys(JSON.parse(json))).toEqual([...DISTRICT_COLUMNS]);
  });
});

describe('docs/district.md', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/district.md'), 'utf8');
  /** The schema table's rows: | `key` | type | Russian caption | meaning |. */
  const rows = doc
    .split('\n')
    .map((line) => /^\| `(\w+)` \| ([^|]+?) \| ([^|]+?) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, key, type, caption]) => ({ key, type, caption }));

  test('lists every column, in the export’s order, with its Russian caption (the note on the sheet)', () => {
    expect(rows.map((r) => r.key)).toEqual([...DISTRICT_COLUMNS]);
    for (const r of rows) expect(r.caption).toBe(DISTRICT_CAPTIONS[r.key as keyof typeof DISTRICT_CAPTIONS]);
  });

  test('gives each column the type the export writes', () => {
    const full = districtRecord(source(), { pairs: 4, groups: 1 }) as unknown as Record<string, unknown>;
    const empty = districtRecord(source({ questionnaires: null, year: null }), {
      pairs: 0,
      groups: 0,
    }) as unknown as Record<string, unknown>;
    expect(rows).toHaveLength(DISTRICT_COLUMNS.length);
    for (const { key, type } of rows) {
      const value = full[key];
      const base = typeof value === 'string' ? 'string' : Number.isInteger(value) ? 'integer' : 'number';
      expect([key, type]).toEqual([key, empty[key] === null ? `${base} or null` : base]);
    }
  });
});
