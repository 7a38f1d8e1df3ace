/** FormApp's DateItem as Google has it: type DATE, the year option, createResponse(Date), the response sheet. */
import { formsCtxOf } from '../../emulator/forms/formApp';
import { formsModelFromJSON } from '../../emulator/forms/model';
import { FormSubmitError, submitResponse } from '../../emulator/forms/submit';
import { answersFrom, parseFilled, renderForm } from '../../workspace/server/formPage';
import { sheetDisplayValues } from '../../emulator/spreadsheet/staffEdit';
import { formsServices } from './formsServices';

function setup() {
  const { env, model, forms, FormApp } = formsServices();
  const form = FormApp.create('Отчёт о встрече', true).setCollectEmail(true);
  form.addTextItem().setTitle('Тема').setRequired(true);
  const date = form.addDateItem().setTitle('Дата встречи').setRequired(true).setHelpText('Выберите день');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
  const sheet = () => model.sheets.find((s) => s.name === 'Ответы на форму (1)')!;
  const values = () => sheetDisplayValues(model, sheet(), env);
  const submit = (answers: Record<string, string>, email = 'a@school2.example') =>
    submitResponse(formsCtxOf(FormApp), form.getId(), answers, { email });
  return { env, model, forms, FormApp, form, date, sheet, values, submit };
}

describe('DateItem', () => {
  test('addDateItem: type DATE, the year included by default, setIncludesYear, asDateItem', () => {
    const { FormApp, form, date } = setup();
    expect(date.getType()).toBe(FormApp.ItemType.DATE);
    expect(date.includesYear()).toBe(true);
    expect(date.isRequired()).toBe(true);
    const generic = form.getItems(FormApp.ItemType.DATE)[0];
    expect(generic.getTitle()).toBe('Дата встречи');
    expect(generic.asDateItem().setIncludesYear(false).includesYear()).toBe(false);
    expect(() => generic.asTextItem()).toThrow('Invalid conversion for item type: DATE');
  });

  test('createResponse(Date) keeps the day in the script time zone, drops the time; without the year "MM-DD"', () => {
    const { form, date } = setup();
    // 23:30 in Moscow on 13 October is 20:30 UTC: the day is the 13th.
    const r = date.createResponse(new Date('2026-10-13T20:30:00Z') as GoogleAppsScript.Base.Date);
    expect(r.getResponse()).toBe('2026-10-13');
    date.setIncludesYear(false);
    expect(date.createResponse(new Date('2026-10-13T20:30:00Z') as GoogleAppsScript.Base.Date).getResponse()).toBe(
      '10-13',
    );
    expect(() => date.createResponse('13.10.2026' as unknown as GoogleAppsScript.Base.Date)).toThrow(
      'DateItem.createResponse',
    );
    expect(form.getItems()).toHaveLength(2);
  });

  test('a submitted date lands on the response sheet as a real date, shown dd.MM.yyyy in values / namedValues', () => {
    const { submit, sheet, values, form } = setup();
    const r = submit({ Тема: 'Разбор урока', 'Дата встречи': '2026-10-14' });
    const cell = sheet().rows[1]![3]!;
    expect(cell.value).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's zone (Moscow, UTC+3).
    expect((cell.value as Date).toISOString()).toBe('2026-10-13T21:00:00.000Z');
    expect(values()[1][3]).toBe('14.10.2026');
    expect(r.written!.namedValues['Дата встречи']).toEqual(['14.10.2026']);
    expect(r.written!.values[3]).toBe('14.10.2026');
    expect(form.getResponses()[0].getItemResponses()[1].getResponse()).toBe('2026-10-14');
  });

  test.each(['вчера', '2026-02-30', '14.10.2026', '2026-13-01'])('refuses «%s»: not a day, nothing written', (text) => {
    const { submit, values, form } = setup();
    expect(() => submit({ Тема: 'x', 'Дата встречи': text })).toThrow(FormSubmitError);
    expect(() => submit({ Тема: 'x', 'Дата встречи': text })).toThrow(
      'Вопрос «Дата встречи»: укажите дату (день, месяц и год).',
    );
    expect(values()).toHaveLength(1);
    expect(form.getResponses()).toHaveLength(0);
  });

  test('the form page shows a date picker and posts the day back as the answer', () => {
    const { forms, form } = setup();
    const model = forms.forms.find((f) => f.id === form.getId())!;
    const html = renderForm(model);
    const item = model.items.find((i) => i.type === 'DATE')!;
    expect(html).toContain(`<input type="date" id="q${item.id}" name="q${item.id}" value="" required>`);
    const { answers } = answersFrom(model, parseFilled(`q${item.id}=2026-10-14`));
    expect(answers['Дата встречи']).toBe('2026-10-14');
  });

  test('forms.json written before DateItem existed reads with the year option on', () => {
    const { forms } = setup();
    const json = JSON.parse(JSON.stringify(forms));
    for (const f of json.forms) for (const i of f.items) delete i.includesYear;
    const loaded = formsModelFromJSON(json);
    expect(loaded.forms[0].items.find((i) => i.type === 'DATE')!.includesYear).toBe(true);
  });
});
