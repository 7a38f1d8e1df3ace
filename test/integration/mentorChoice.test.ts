import { api } from './api';
import { records, useDemoSchool } from './workspace';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('mentorChoice');

const CHOICE_FORM = 'Выбор наставника';

describe('«Выбор наставника»: the mentee ranks mentors, «Подобрать» honours it (issue 20.2)', () => {
  test('one personal letter per mentee; the answer is filed; «Подобрать» gives the first choice', async () => {
    const ws = await demo();
    const before = api(ws, 'proposePairs', {});
    // A mentee still to pair and a feasible mentor the engine would not give them on its own.
    const unit = before.units.find((u) => !u.confirmed)!;
    const mentee = unit.mentees[0];
    const wanted = mentee.alternatives.find((a) => !a.current)!;
    const mentees = records(ws, 'Наставляемые');
    const email = mentees.find((r) => r.ID === mentee.id)!.Email;

    const sent = api(ws, 'sendChoiceLinks');
    expect(sent.message).toMatch(/^Ссылки разосланы: \d+ адресатам\.$/);
    const letters = ws.mail().filter((m) => m.subject === 'Наставничество: выберите наставника');
    expect(letters.length).toBe(sent.sent);
    const mine = letters.filter((m) => m.to.includes(email));
    expect(mine).toHaveLength(1);
    // The personal link carries the mentee's code and their own suggestions with the engine's reasons.
    const url = decodeURIComponent(/https?:\/\/[^\s"<>]+usp=pp_url[^\s"<>]*/.exec(mine[0].body)![0]);
    expect(url).toContain(mentee.id);
    expect(url).toMatch(/1\. [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ — (совпадает запрос|совпадают запросы): /);
    // A second click sends nothing new.
    expect(api(ws, 'sendChoiceLinks').sent).toBe(0);

    const mentorName = records(ws, 'Наставники').find((r) => r.ID === wanted.mentorId)!['ФИО'];
    ws.submitForm(CHOICE_FORM, { 'Ваш код участника': mentee.id, 'Первый выбор': mentorName }, { email });
    expect(records(ws, 'Выбор наставника')).toEqual([
      expect.objectContaining({ 'ID наставляемого': mentee.id, 'Первый выбор (ID)': wanted.mentorId }),
    ]);

    const after = api(ws, 'proposePairs', {});
    const got = after.units.find((u) => u.mentees.some((m) => m.id === mentee.id))!;
    expect(got.mentorId).toBe(wanted.mentorId);
    expect(got.mentees.find((m) => m.id === mentee.id)!.explanation).toMatch(/первый выбор наставляемого/);
  });

  test('an answer whose code is not the sender’s own changes nothing and is logged in Russian', async () => {
    const ws = await demo();
    api(ws, 'sendChoiceLinks');
    const [a, b] = records(ws, 'Наставляемые');
    const mentorName = api(ws, 'proposePairs', {}).units.find((u) => !u.confirmed)!.mentorName;
    ws.submitForm(CHOICE_FORM, { 'Ваш код участника': a.ID, 'Первый выбор': mentorName }, { email: b.Email });
    expect(ws.values('Выбор наставника')).toBeFalsy();
    const log = records(ws, 'Журнал').map((r) => Object.values(r).join(' '));
    expect(log.some((l) => l.includes(`код участника «${a.ID}» не совпадает с адресом`))).toBe(true);
    // «Журнал» holds no personal data: ids only.
    expect(log.some((l) => l.includes(b.Email) || l.includes(a['ФИО']))).toBe(false);
  });
});
