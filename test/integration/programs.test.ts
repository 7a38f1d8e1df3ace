import { type Workspace } from '../../workspace/workspace';
import type { ProgramActivity, ProgramDraft } from '../../src/contract/serverApi';
import { columnOf, records, ROADMAP, useDemoSchool } from './workspace';
import { api } from './api';

const PROGRAMS = 'Программы';
const PAIRS = 'Пары и группы';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('programs');

const pairs = (ws: Workspace) => api(ws, 'listProgramPairs');
const draftOf = (ws: Workspace, pairId: string) => api(ws, 'getProgramDraft', pairId);
const save = (ws: Workspace, d: ProgramDraft, activities: ProgramActivity[] = d.activities) =>
  api(ws, 'saveProgram', { pairId: d.pairId, goals: d.goals, tasks: d.tasks, activities });
const rowsOf = (ws: Workspace, programId: string) =>
  records(ws, PROGRAMS).filter((r) => r['ID программы'] === programId);

function menteeRequests(ws: Workspace, pairId: string): string[] {
  const pair = records(ws, PAIRS).find((p) => p.ID === pairId)!;
  const ids = pair['ID наставляемых'].split('; ');
  return records(ws, 'Наставляемые')
    .filter((m) => ids.includes(m.ID))
    .flatMap((m) => m['Запросы'].split(/;\s*/))
    .filter(Boolean);
}

describe('a draft from the requests', () => {
  test('every activity serves a request of the mentees (or is generic); a group gets the union, once', async () => {
    const ws = await demo();
    // The demo confirms pairs only (its mentors mostly offer individual work): confirm a proposed group.
    const row = records(ws, PAIRS).findIndex((r) => r['Вид'] === 'группа' && r['Статус'] === 'предложено');
    ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Статус')}${row + 2}`, 'утверждено');
    // A confirmed group without a program: a fresh draft from its mentees' requests.
    const group = pairs(ws).find((p) => p.kind === 'группа')!;
    const requests = menteeRequests(ws, group.pairId);
    const draft = draftOf(ws, group.pairId);
    expect(new Set(draft.requests.map((r) => r.toLowerCase())).size).toBe(draft.requests.length);
    for (const r of draft.requests) expect(requests.map((x) => x.toLowerCase())).toContain(r.toLowerCase());
    expect(draft.activities.length).toBeGreaterThan(0);
    for (const a of draft.activities) {
      expect(a.date >= draft.period.start && a.date <= draft.period.end).toBe(true);
      if (a.competence) expect(draft.requests).toContain(a.competence);
    }
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
  });
});

describe('saving and editing', () => {
  test('a round trip keeps the edits; hostile text stays text; done activities keep their status', async () => {
    const ws = await demo();
    const pair = pairs(ws)[0];
    const d = draftOf(ws, pair.pairId);
    expect(d.saved).toBe(true);
    const hostile = '=HYPERLINK("http://evil") {{школа}} <b>жирный</b> $1';
    const edited: ProgramActivity[] = [
      ...d.activities.slice(1),
      { ...d.activities[0], id: '', title: hostile, kind: 'Другое', competence: '', status: 'запланировано' },
    ];
    const result = save(ws, d, edited);
    expect(result.activities).toBeGreaterThanOrEqual(edited.length);
    const again = draftOf(ws, pair.pairId);
    expect(again.activities.map((a) => a.title)).toEqual(expect.arrayContaining([hostile]));
    expect(again.activities.every((a) => /^А-\d\d$/.test(a.id))).toBe(true);
    expect(new Set(again.activities.map((a) => a.id)).size).toBe(again.activities.length);
    expect(rowsOf(ws, result.programId).map((r) => r['Мероприятие'])).toContain(hostile);

    // The demo marked activities done: they survive a save that leaves them out and sends a stale status.
    const doneBefore = again.activities.filter((a) => a.status === 'выполнено');
    expect(doneBefore.length).toBeGreaterThan(0);
    const withoutDone = again.activities.filter((a) => a.status !== 'выполнено');
    save(ws, again, withoutDone);
    const after = draftOf(ws, pair.pairId);
    for (const a of doneBefore) expect(after.activities.find((x) => x.id === a.id)?.status).toBe('выполнено');
  });

  test('staff mark progress on «Программы»: date stamped, the pair shows its %, 5.2 is done when all have programs', async () => {
    const ws = await demo();
    const list = pairs(ws);
    expect(list.every((p) => p.programId !== '')).toBe(true);
    const roadmap = records(ws, ROADMAP).find((r) => r['№'] === '5.2')!;
    expect(roadmap['Статус']).toBe('Выполнено');

    const pair = list[0];
    const rows = records(ws, PROGRAMS);
    const first = rows.findIndex((r) => r['Пара/группа'] === pair.pairId && r['Статус'] === 'запланировано');
    ws.setUser('zavuch@school2.example');
    ws.edit(PROGRAMS, `${columnOf(ws, PROGRAMS, 'Статус')}${first + 2}`, 'выполнено');
    const row = records(ws, PROGRAMS)[first];
    expect(row['Дата выполнения']).toBe('25.11.2026');
    const program = records(ws, PROGRAMS).filter((r) => r['Пара/группа'] === pair.pairId);
    const done = program.filter((r) => r['Статус'] === 'выполнено').length;
    const cancelled = program.filter((r) => r['Статус'] === 'отменено').length;
    const expected = String(Math.round((done / (program.length - cancelled)) * 100));
    expect(records(ws, PAIRS).find((p) => p.ID === pair.pairId)!['Выполнение программы, %']).toBe(expected);
    expect(pairs(ws).find((p) => p.pairId === pair.pairId)!.progress).toBe(Number(expected));
  });

  test('dissolving a pair archives its program; nothing is deleted', async () => {
    const ws = await demo();
    const pair = pairs(ws)[1];
    const before = rowsOf(ws, pair.programId).length;
    const row = records(ws, PAIRS).findIndex((p) => p.ID === pair.pairId) + 2;
    ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Статус')}${row}`, 'расформировано');
    const rows = rowsOf(ws, pair.programId);
    expect(rows).toHaveLength(before);
    expect(rows.every((r) => r['Архив'] === 'да')).toBe(true);
    expect(pairs(ws).map((p) => p.pairId)).not.toContain(pair.pairId);
  });

  test('mistakes get Russian messages and change nothing', async () => {
    const ws = await demo();
    const d = draftOf(ws, pairs(ws)[0].pairId);
    const before = records(ws, PROGRAMS);
    const open = d.activities.find((a) => a.status !== 'выполнено')!;
    expect(() => save(ws, d, [{ ...open, date: '2030-01-01' }])).toThrow(/дата должна быть в пределах/);
    expect(() => save(ws, d, [{ ...open, title: '  ' }])).toThrow(/не заполнено название/);
    expect(() => ws.run('getProgramDraft', 'нет-такой')).toThrow(/нет на листе «Пары и группы»/);
    expect(records(ws, PROGRAMS)).toEqual(before);
  });

  test('calls per save do not grow with the program size', async () => {
    const ws = await demo();
    const d = draftOf(ws, pairs(ws)[0].pairId);
    const base = d.activities.filter((a) => a.status !== 'выполнено');
    const sized = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...base[i % base.length], id: '', title: `Мероприятие ${i + 1}` }));
    ws.resetCalls();
    save(ws, d, sized(5));
    const small = ws.calls().total;
    ws.resetCalls();
    save(ws, d, sized(50));
    const large = ws.calls().total;
    expect(large).toBeLessThanOrEqual(small + 2);
  });
});

describe('the program document', () => {
  test('generated through the documents engine, linked from the pair', async () => {
    const ws = await demo();
    let progress = api(ws, 'generateDocuments', { kind: 'program' });
    while (!progress.finished) progress = api(ws, 'continueDocuments', progress.jobId);
    const pair = pairs(ws)[0];
    const entry = progress.results.find((r) => r.related === pair.pairId)!;
    const text = ws.docText(/\/d\/([^/]+)/.exec(entry.docUrl)![1]);
    expect(text).toContain(pair.mentorName);
    for (const row of rowsOf(ws, pair.programId)) expect(text).toContain(row['Мероприятие']);
    expect(text).not.toMatch(/\{\{/);
    expect(records(ws, PAIRS).find((p) => p.ID === pair.pairId)!['Программа (ссылка)']).toBe(entry.docUrl);
  });
});
