import type { Workspace } from '../../workspace/workspace';
import { pairChoiceLabel, type YearFormDefinition } from '../../src/domain/monitoring';
import { checkinForm, CONTINUE_NO, CONTINUE_YES, CQ, FREQUENCY_CHOICES } from '../../src/domain/monitoring/checkin';
import { columnOf, MAY, records, useDemoSchool } from './workspace';
import { api, progressReport } from './api';

const PAIRS = 'Пары и группы';
const CURATOR = 'zavuch@school2.example';
const def = checkinForm('', []);

function byTitle(form: YearFormDefinition, answers: Record<string, string | string[]>) {
  return Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [form.questions.find((q) => q.key === k)!.title, v]),
  );
}

const confirmed = (ws: Workspace) => records(ws, PAIRS).filter((r) => r['Статус'] === 'утверждено');
const emailOf = (ws: Workspace, id: string) =>
  [...records(ws, 'Наставляемые'), ...records(ws, 'Наставники')].find((r) => r['ID'] === id)!['Email'];
const curatorLetters = (ws: Workspace) =>
  ws.mail().filter((m) => m.to.includes(CURATOR) && m.subject.includes('внимание'));

function answer(ws: Workspace, pair: Record<string, string>, personId: string, mark: string, cont: string): void {
  ws.submitForm(
    def.title,
    byTitle(def, {
      [CQ.pair]: pairChoiceLabel(pair['ID'], pair['Наставник']),
      [CQ.mark]: mark,
      [CQ.frequency]: FREQUENCY_CHOICES[1],
      [CQ.continue]: cont,
      [CQ.comment]: 'Не совпадают расписания',
    }),
    { email: emailOf(ws, personId) },
  );
}

describe('the mid-year check-in', () => {
  const demo = useDemoSchool('checkin');

  test('a low mark flags the pair and mails the curator once; a repeat answer does not mail twice', async () => {
    const ws = await demo();
    const sent = api(ws, 'sendCheckinLinks');
    const letters = ws.mail().filter((m) => m.subject === 'Наставничество: как идёт работа пары?');
    expect(sent.sent).toBe(letters.length);
    expect(letters.length).toBeGreaterThan(1);
    expect(new Set(letters.map((m) => m.to.join())).size).toBe(letters.length);
    expect(letters[0].body).toMatch(/viewform\?usp=pp_url&entry\.\d+=/);
    expect(api(ws, 'sendCheckinLinks').message).toContain('новых адресатов нет');

    const pair = confirmed(ws)[0];
    const menteeId = pair['ID наставляемых'].split(/;\s*/)[0];
    answer(ws, pair, menteeId, '3', CONTINUE_YES);
    const flagged = records(ws, PAIRS).find((r) => r['ID'] === pair['ID'])!;
    expect(flagged['Статус']).toBe('требует внимания');
    expect(flagged['История']).toContain('промежуточный опрос — Наставляемый');
    expect(flagged['История']).toContain('оценка работы пары 3 из 10');
    // The pair keeps its program and order as they were.
    expect(flagged['Программа (ссылка)']).toBe(pair['Программа (ссылка)']);
    expect(curatorLetters(ws)).toHaveLength(1);
    expect(curatorLetters(ws)[0].body).toContain(pair['ID']);

    answer(ws, pair, menteeId, '3', CONTINUE_YES);
    answer(ws, pair, pair['ID наставника'], '7', CONTINUE_NO);
    expect(curatorLetters(ws)).toHaveLength(1);
    const attention = api(ws, 'getCheckin').attention;
    expect(attention.map((a) => a.pairId)).toEqual([pair['ID']]);
    expect(attention[0].reason).toContain('Наставник');
    // A flagged pair is still at work: its mentee is not offered a choice of mentor.
    api(ws, 'sendChoiceLinks');
    const choiceLetters = ws.mail().filter((m) => m.subject === 'Наставничество: выберите наставника');
    expect(choiceLetters.length).toBeGreaterThan(0);
    expect(choiceLetters.some((m) => m.to.includes(emailOf(ws, menteeId)))).toBe(false);
    // «Сводка» and «Ход реализации» count the flagged pair among those at work, and say how many need attention.
    const year = progressReport(ws).year!;
    expect(year.pairs).toMatchObject({ confirmed: confirmed(ws).length + 1, attention: 1 });
    ws.run('menuRefreshSummary');
    const line = ws.values('Сводка')!.find((row) => row.includes('из утверждённых требуют внимания'))!;
    expect(line[line.indexOf('из утверждённых требуют внимания') + 1]).toBe('1');
  });

  test('the daily clock sends it in January of the school year, once; nothing before', async () => {
    const ws = await demo();
    const letters = () => ws.mail().filter((m) => m.subject === 'Наставничество: как идёт работа пары?');
    const journal = () => ws.values('Журнал')!.map((r) => r.join(' '));
    ws.advanceTo('2026-12-31T23:00:00+03:00');
    expect(letters()).toHaveLength(0);
    const runs = ws.advanceTo('2027-01-09T12:00:00+03:00');
    expect(runs.every((r) => r.ok)).toBe(true);
    const people = confirmed(ws).flatMap((p) => [p['ID наставника'], ...p['ID наставляемых'].split(/;\s*/)]);
    expect(
      letters()
        .map((m) => m.to.join())
        .sort(),
    ).toEqual(people.map((id) => emailOf(ws, id)).sort());
    // All went on the first January run, by itself.
    expect(new Set(letters().map((m) => m.at.slice(0, 10)))).toEqual(new Set(['2027-01-01']));
    const line = journal().filter((l) => l.includes('Январь: ссылки на опрос разосланы автоматически'));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain(`автоматически: ${people.length}; ждут квоты до следующего дня: 0.`);
    expect(line[0]).not.toMatch(/@/);
    ws.advanceTo('2027-01-20T12:00:00+03:00');
    expect(letters()).toHaveLength(people.length);
    expect(api(ws, 'sendCheckinLinks').message).toContain('новых адресатов нет');
  });

  test('when the quota runs out on the January run, the rest go the next day and nobody gets two', async () => {
    const ws = await demo();
    const letters = () => ws.mail().filter((m) => m.subject === 'Наставничество: как идёт работа пары?');
    ws.advanceTo('2027-01-01T06:00:00+03:00');
    // Other mail of the day has used the quota but two recipients.
    ws.outbox.usage = { day: '2027-01-01', recipients: { 'metodist@school2.example': 98 } };
    ws.advanceTo('2027-01-01T23:00:00+03:00');
    const first = letters().length;
    const people = confirmed(ws).flatMap((p) => [p['ID наставника'], ...p['ID наставляемых'].split(/;\s*/)]);
    expect(first).toBeLessThan(people.length);
    expect(records(ws, 'Журнал').some((r) => /ждут квоты до следующего дня: [1-9]/.test(r['Подробности']))).toBe(true);
    ws.advanceTo('2027-01-03T12:00:00+03:00');
    const to = letters().map((m) => m.to.join());
    expect(to.sort()).toEqual(people.map((id) => emailOf(ws, id)).sort());
  });

  test('a teacher in both banks answers for the pair they mentor', async () => {
    const ws = await demo();
    const pair = confirmed(ws)[0];
    const mentorEmail = emailOf(ws, pair['ID наставника']);
    // Another row of «Наставляемые» (consent given) has the same address: the same teacher is also a mentee.
    const mentees = records(ws, 'Наставляемые');
    const other = mentees.findIndex((r) => !pair['ID наставляемых'].includes(r['ID']) && r['Email'] !== mentorEmail);
    ws.edit('Наставляемые', `${columnOf(ws, 'Наставляемые', 'Email')}${other + 2}`, mentorEmail);
    answer(ws, pair, pair['ID наставника'], '3', CONTINUE_YES);
    const row = records(ws, PAIRS).find((r) => r['ID'] === pair['ID'])!;
    expect(row['Статус']).toBe('требует внимания');
    expect(row['История']).toContain(`Наставник (${pair['ID наставника']})`);
  });

  test('a good answer flags nothing', async () => {
    const ws = await demo();
    api(ws, 'sendCheckinLinks');
    const pair = confirmed(ws)[0];
    ws.resetCalls();
    answer(ws, pair, pair['ID наставника'], '8', CONTINUE_YES);
    // Filing reads the banks and the pairs, not the whole year's sheets (it read them all: 64 calls).
    expect(ws.calls().total).toBeLessThanOrEqual(52);
    expect(records(ws, PAIRS).find((r) => r['ID'] === pair['ID'])!['Статус']).toBe('утверждено');
    expect(curatorLetters(ws)).toHaveLength(0);
    expect(api(ws, 'getCheckin').attention).toEqual([]);
  });

  test('«Расформировать и подобрать заново» returns the mentee and proposes another mentor', async () => {
    const ws = await demo();
    api(ws, 'sendCheckinLinks');
    const pair = confirmed(ws)[0];
    const menteeId = pair['ID наставляемых'].split(/;\s*/)[0];
    answer(ws, pair, menteeId, '2', CONTINUE_NO);
    const result = api(ws, 'dissolvePair', pair['ID']);
    expect(result.message).toContain(`Пара ${pair['ID']} расформирована`);
    const row = records(ws, PAIRS).find((r) => r['ID'] === pair['ID'])!;
    expect(row['Статус']).toBe('расформировано');
    expect(row['История']).toContain('промежуточный опрос');
    expect(row['История']).toMatch(/расформирована \(.+\) по итогам промежуточного опроса/);
    const mentee = records(ws, 'Наставляемые').find((r) => r['ID'] === menteeId)!;
    expect(mentee['Статус']).toBe('в банке');
    const proposal = result.proposals.find((p) => p.menteeId === menteeId)!;
    expect(proposal.mentors.length).toBeGreaterThan(0);
    expect(proposal.mentors.map((m) => m.mentorId)).not.toContain(pair['ID наставника']);
    expect(api(ws, 'getCheckin').attention).toEqual([]);
    // The panel's next proposal does not give the old mentor back either.
    const view = api(ws, 'proposePairs');
    const unit = view.units.find((u) => u.mentees.some((m) => m.id === menteeId));
    expect(unit?.mentorId).not.toBe(pair['ID наставника']);
  });
});

describe('the check-in of the next school year', () => {
  const may = useDemoSchool('checkin-next', MAY);

  test('a pair carried over to the next year is asked again in its January', async () => {
    const ws = await may();
    const subject = 'Наставничество: как идёт работа пары?';
    // The demo's January check-in went out to every pair of 2026–2027.
    expect(ws.mail().filter((m) => m.subject === subject).length).toBeGreaterThan(1);
    api(ws, 'setupSchoolYear', { startYear: 2027 });
    const carried = confirmed(ws);
    expect(carried.length).toBeGreaterThan(0);
    const before = ws.mail().length;
    const result = api(ws, 'sendCheckinLinks');
    const letters = ws
      .mail()
      .slice(before)
      .filter((m) => m.subject === subject);
    const people = carried.flatMap((p) => [p['ID наставника'], ...p['ID наставляемых'].split(/;\s*/)]);
    expect(result.sent).toBe(letters.length);
    expect(letters.map((m) => m.to.join()).sort()).toEqual(people.map((id) => emailOf(ws, id)).sort());
  });
});
