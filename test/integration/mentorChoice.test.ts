import { api } from './api';
import { menteeAnswers } from './answers';
import { records, useDemoSchool } from './workspace';
import type { Workspace } from '../../workspace/workspace';

/** The demo school: seeded once, a fresh copy for each test. */
const demo = useDemoSchool('mentorChoice');

const CHOICE_FORM = 'Выбор наставника';
const SUBJECT = 'Наставничество: выберите наставника';
const NEWCOMER = { name: 'Орлова Вера Павловна', email: 'orlova.new@school2.example' };

/**
 * The demo sent its choice links before its pairing: a teacher who answers the questionnaire later is
 * the one mentee «Разослать ссылки на выбор наставника» still writes to.
 */
function addNewcomer(ws: Workspace): string {
  ws.submitForm('Анкета наставляемого', menteeAnswers({ fullName: NEWCOMER.name }), { email: NEWCOMER.email });
  return records(ws, 'Наставляемые').find((r) => r.Email === NEWCOMER.email)!.ID;
}

/** The newcomer's personal link, decoded: their code and the suggested mentors with reasons. */
function newcomerLink(ws: Workspace): string {
  const mine = ws.mail().filter((m) => m.subject === SUBJECT && m.to.includes(NEWCOMER.email));
  expect(mine).toHaveLength(1);
  return decodeURIComponent(/https?:\/\/[^\s"<>]+usp=pp_url[^\s"<>]*/.exec(mine[0].body)![0]);
}

/** «1. Фамилия Имя Отчество — …» → the names, in order. */
const suggestedNames = (link: string) =>
  [...link.matchAll(/\d\. ([А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+) — /g)].map((m) => m[1]);

describe('«Выбор наставника»: the mentee ranks mentors, «Подобрать» honours it (issue 20.2)', () => {
  test('one personal letter per mentee; the answer is filed; «Подобрать» gives the first choice', async () => {
    const ws = await demo();
    const id = addNewcomer(ws);
    const sent = api(ws, 'sendChoiceLinks');
    expect(sent).toEqual({ sent: 1, message: 'Ссылки разосланы: 1 адресатам.' });
    const url = newcomerLink(ws);
    expect(url).toContain(id);
    expect(url).toMatch(/1\. [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ — (совпадает запрос|совпадают запросы): /);
    // A second click sends nothing new.
    expect(api(ws, 'sendChoiceLinks').sent).toBe(0);

    // Without the demo's own answers (their mentees chose the mentors they have: a newcomer's first
    // choice would rightly lose to them), a suggested mentor the engine would not give the newcomer.
    const answered = ws.values(CHOICE_FORM)!;
    ws.edit(
      CHOICE_FORM,
      `A2:F${answered.length}`,
      answered.slice(1).map((r) => r.map(() => '')),
    );
    const before = api(ws, 'proposePairs', {});
    const given = before.units.find((u) => u.mentees.some((m) => m.id === id))?.mentorName;
    const mentorIds = new Map(records(ws, 'Наставники').map((r) => [r['ФИО'], r.ID]));
    const wanted = suggestedNames(url).find((name) => name !== given)!;
    const wantedId = mentorIds.get(wanted)!;
    ws.submitForm(CHOICE_FORM, { 'Ваш код участника': id, 'Первый выбор': wanted }, { email: NEWCOMER.email });
    expect(records(ws, 'Выбор наставника').filter((r) => r['ID наставляемого'] !== '')).toEqual([
      expect.objectContaining({
        'ID наставляемого': id,
        'Первый выбор (ID)': wantedId,
      }),
    ]);

    const after = api(ws, 'proposePairs', {});
    const got = after.units.find((u) => u.mentees.some((m) => m.id === id))!;
    expect(got.mentorId).toBe(wantedId);
    expect(got.mentees.find((m) => m.id === id)!.explanation).toMatch(/первый выбор наставляемого/);
  });

  test('the suggestions follow «Подбор пар»: a mentor it excludes for the mentee is not offered', async () => {
    const first = await demo();
    addNewcomer(first);
    api(first, 'sendChoiceLinks');
    const top = suggestedNames(newcomerLink(first))[0];
    const topId = records(first, 'Наставники').find((r) => r['ФИО'] === top)!.ID;

    const ws = await demo();
    const id = addNewcomer(ws);
    // The methodologist excluded that pair in «Подбор пар» (kept as the panel's draft).
    api(ws, 'keepPairingDraft', { exclusions: [{ menteeId: id, mentorId: topId }] });
    expect(api(ws, 'sendChoiceLinks').sent).toBe(1);
    const names = suggestedNames(newcomerLink(ws));
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(top);
  });

  test('the demo shows the choice: honoured first choices and one that could not be given', async () => {
    const ws = await demo();
    expect(records(ws, 'Выбор наставника').length).toBeGreaterThan(1);
    const explanations = api(ws, 'proposePairs', {}).units.flatMap((u) => u.mentees.map((m) => m.explanation));
    expect(explanations.some((e) => e.startsWith('первый выбор наставляемого; '))).toBe(true);
    expect(explanations).toContainEqual(
      expect.stringMatching(
        /^первый выбор — [А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\. — не учтён: у наставника нет свободных мест; второй выбор наставляемого; /,
      ),
    );
    // «Пары и группы» keeps the same explanation beside the pair.
    expect(records(ws, 'Пары и группы').some((r) => /^первый выбор — .+ — не учтён: /.test(r['Обоснование']))).toBe(
      true,
    );
  });

  test('an answer whose code is not the sender’s own changes nothing and is logged in Russian', async () => {
    const ws = await demo();
    const [a, b] = records(ws, 'Наставляемые');
    const choices = ws.values('Выбор наставника');
    const mentorName = api(ws, 'proposePairs', {}).units.find((u) => !u.confirmed)!.mentorName;
    ws.submitForm(CHOICE_FORM, { 'Ваш код участника': a.ID, 'Первый выбор': mentorName }, { email: b.Email });
    expect(ws.values('Выбор наставника')).toEqual(choices);
    const log = records(ws, 'Журнал').map((r) => Object.values(r).join(' '));
    expect(log.some((l) => l.includes(`код участника «${a.ID}» не совпадает с адресом`))).toBe(true);
    // «Журнал» holds no personal data: ids only.
    expect(log.some((l) => l.includes(b.Email) || l.includes(a['ФИО']))).toBe(false);
  });
});
