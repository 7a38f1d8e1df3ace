/**
 * The meeting report asks its date with Forms' date question: a mentor cannot send «вчера», a picked day
 * is filed as a meeting, and the confirmation claims nothing the add-on has not checked yet.
 */
import { FormSubmitError } from '../../emulator/forms/submit';
import type { Workspace } from '../../workspace/workspace';
import { meetingReportForm, pairChoiceLabel, type YearFormDefinition } from '../../src/domain/monitoring';
import { columnIndex, MAY, records, useDemoSchool } from './workspace';

const OPTIONS = { operator: '', pairChoices: [], competences: [] };
const def = meetingReportForm(OPTIONS);
const DATE_TITLE = 'Дата встречи';

function byTitle(answers: Record<string, string>, form: YearFormDefinition = def) {
  return Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [form.questions.find((q) => q.key === k)!.title, v]),
  );
}

/** A confirmed pair, its mentor's e-mail and a report about it, the date left to the test. */
function report(ws: Workspace) {
  const pair = records(ws, 'Пары и группы').find((p) => p['Статус'] === 'утверждено')!;
  const email = records(ws, 'Наставники').find((m) => m.ID === pair['ID наставника'])!.Email;
  const answers = (date: string) =>
    byTitle({ pair: pairChoiceLabel(pair.ID, pair['Наставник']), date, format: 'Очно', topic: 'Разбор урока' });
  return { pair, email, answers };
}

const responseSheet = (ws: Workspace) => ws.forms().find((f) => f.title === def.title)!.responseSheet!;

describe('the meeting report’s date', () => {
  const demo = useDemoSchool('meetingdate', MAY);

  test('the form asks the date with a date question and thanks for nothing it has not kept', async () => {
    const ws = await demo();
    const form = ws.forms().find((f) => f.title === def.title)!;
    const item = form.items.find((i) => i.title === DATE_TITLE)!;
    expect(item.type).toBe('DATE');
    expect(item.required).toBe(true);
    const model = ws.findForm(def.title);
    expect(model.items.find((i) => i.title === DATE_TITLE)!.includesYear).toBe(true);
    expect(model.confirmationMessage).toBe(
      'Отчёт получен. Если в нём найдётся ошибка, куратор наставничества свяжется с вами.',
    );
    expect(model.confirmationMessage).not.toMatch(/записана/);
    // No form claims its answer was kept: the add-on checks answers only after Forms has sent them.
    for (const f of ws.formsModel.forms) expect(f.confirmationMessage).not.toMatch(/записан|передан|сохранен/i);
  });

  test('a picked day is filed as a meeting; «вчера» is refused by the form itself, nothing is written', async () => {
    const ws = await demo();
    const { pair, email, answers } = report(ws);
    const before = records(ws, 'Встречи').length;
    const rowsBefore = ws.values(responseSheet(ws))!.length;

    expect(() => ws.submitForm(def.title, answers('вчера'), { email })).toThrow(FormSubmitError);
    expect(ws.values(responseSheet(ws))!).toHaveLength(rowsBefore);

    ws.submitForm(def.title, answers('2027-05-13'), { email });
    const meetings = records(ws, 'Встречи');
    expect(meetings).toHaveLength(before + 1);
    expect(meetings[meetings.length - 1]).toMatchObject({ 'Пара/группа': pair.ID, Дата: '13.05.2027' });
    const sheet = ws.values(responseSheet(ws))!;
    expect(sheet[sheet.length - 1][columnIndex(ws, responseSheet(ws), DATE_TITLE)]).toBe('13.05.2027');
    expect(records(ws, 'Журнал').some((r) => r['Действие'] === `Ошибка: ${def.title}`)).toBe(false);
  });

  test('a form built earlier with a text question gets the date question on rebuild; old answers stay', async () => {
    const ws = await demo();
    const { email, answers } = report(ws);
    // As a form made by an earlier version looked: the date asked as text (same item id, same registry).
    const model = ws.findForm(def.title);
    const old = model.items.find((i) => i.title === DATE_TITLE)!;
    old.type = 'TEXT';
    ws.submitForm(def.title, answers('12.05.2027'), { email });
    const before = records(ws, 'Встречи').length;

    ws.run('setupQuestionnaires');
    const rebuilt = ws.forms().find((f) => f.title === def.title)!;
    expect(rebuilt.items.filter((i) => i.title === DATE_TITLE).map((i) => i.type)).toEqual(['DATE']);
    const header = ws.values(responseSheet(ws))![0];
    expect(header.filter((h) => h === DATE_TITLE)).toHaveLength(1);
    const oldColumn = header.indexOf(`${DATE_TITLE} (прежний вопрос)`);
    expect(oldColumn).toBeGreaterThan(0);
    expect(ws.values(responseSheet(ws))!.some((row) => row[oldColumn] === '12.05.2027')).toBe(true);

    ws.submitForm(def.title, answers('2027-05-13'), { email });
    const meetings = records(ws, 'Встречи');
    expect(meetings).toHaveLength(before + 1);
    expect(meetings[meetings.length - 1]['Дата']).toBe('13.05.2027');
  });
});
