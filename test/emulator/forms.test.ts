import { FormSubmitError, submitResponse } from '../../emulator/forms/submit';
import { formsCtxOf } from '../../emulator/forms/formApp';
import { INVALID_BOUNDS } from '../../emulator/forms/questionItems';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import { sheetDisplayValues } from '../../emulator/spreadsheet/staffEdit';
import { formsServices } from './formsServices';

function setup() {
  const { env, model, forms, FormApp } = formsServices();
  const SpreadsheetApp = createSpreadsheetApp(env, model);
  const values = (name: string) =>
    sheetDisplayValues(
      model,
      model.sheets.find((s) => s.name === name)!,
      env,
    );
  return { env, model, forms, FormApp, SpreadsheetApp, values };
}

/** A small questionnaire: text, choice with other, checkboxes, list, scale, section header. */
function questionnaire(FormApp: GoogleAppsScript.Forms.FormApp) {
  const form = FormApp.create('Анкета наставляемого', true).setDescription('Зачем мы спрашиваем').setCollectEmail(true);
  form.addTextItem().setTitle('ФИО').setRequired(true);
  form.addSectionHeaderItem().setTitle('О работе');
  form.addMultipleChoiceItem().setTitle('Категория').setChoiceValues(['первая', 'высшая']).showOtherOption(true);
  const cb = form.addCheckboxItem().setTitle('Трудности');
  cb.setChoices([cb.createChoice('дисциплина'), cb.createChoice('оценивание'), cb.createChoice('документы')]);
  form.addListItem().setTitle('Формат').setChoiceValues(['очно', 'дистанционно']);
  form.addScaleItem().setTitle('Готовность').setBounds(1, 5).setLabels('низкая', 'высокая');
  form.addParagraphTextItem().setTitle('Комментарий');
  return form;
}

describe('FormApp: building forms', () => {
  test('create, settings, URLs, items with stable ids and types', () => {
    const { FormApp } = setup();
    const form = questionnaire(FormApp);
    expect(form.getId()).toBe('form-0001');
    expect(form.getTitle()).toBe('Анкета наставляемого');
    expect(form.getDescription()).toBe('Зачем мы спрашиваем');
    expect(form.collectsEmail()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(form.setConfirmationMessage('Спасибо!').getConfirmationMessage()).toBe('Спасибо!');
    expect(form.getPublishedUrl()).toBe('https://docs.google.com/forms/d/e/form-0001/viewform');
    expect(form.getEditUrl()).toBe('https://docs.google.com/forms/d/form-0001/edit');
    const items = form.getItems();
    expect(items.map((i) => String(i.getType()))).toEqual([
      'TEXT',
      'SECTION_HEADER',
      'MULTIPLE_CHOICE',
      'CHECKBOX',
      'LIST',
      'SCALE',
      'PARAGRAPH_TEXT',
    ]);
    expect(items.map((i) => i.getIndex())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const ids = items.map((i) => i.getId());
    expect(new Set(ids).size).toBe(7);
    expect(FormApp.openById('form-0001').getItemById(ids[3])!.getTitle()).toBe('Трудности');
    expect(form.getItemById(12345)).toBeNull();
    expect(form.getItems(FormApp.ItemType.CHECKBOX).map((i) => i.getTitle())).toEqual(['Трудности']);
  });

  test('typed views: choices, other option, required, scale bounds; wrong conversions fail', () => {
    const { FormApp } = setup();
    const form = questionnaire(FormApp);
    const [name, header, mc, cb, list, scale] = form.getItems();
    expect(name.asTextItem().isRequired()).toBe(true);
    expect(mc.asMultipleChoiceItem().hasOtherOption()).toBe(true);
    expect(
      cb
        .asCheckboxItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['дисциплина', 'оценивание', 'документы']);
    expect(cb.asCheckboxItem().hasOtherOption()).toBe(false);
    expect(list.asListItem().isRequired()).toBe(false);
    expect([scale.asScaleItem().getLowerBound(), scale.asScaleItem().getUpperBound()]).toEqual([1, 5]);
    expect(scale.asScaleItem().getLeftLabel()).toBe('низкая');
    expect(header.asSectionHeaderItem().getTitle()).toBe('О работе');
    expect(() => name.asCheckboxItem()).toThrow('Invalid conversion for item type: TEXT');
    // A section header has no required flag; a list has no other option.
    expect(() => (header.asSectionHeaderItem() as unknown as { setRequired: () => void }).setRequired()).toThrow(
      /not implemented|does not exist/,
    );
    expect(() => (list.asListItem() as unknown as { showOtherOption: () => void }).showOtherOption()).toThrow(
      /not implemented|does not exist/,
    );
    expect(() => scale.asScaleItem().setBounds(2, 5)).toThrow(INVALID_BOUNDS);
    expect(() => mc.asMultipleChoiceItem().setChoiceValues(['a', 'a'])).toThrow(/Invalid data/);
  });

  test('delete and move items; deleted items fail when used', () => {
    const { FormApp } = setup();
    const form = questionnaire(FormApp);
    const items = form.getItems();
    const moved = form.moveItem(items[6], 0);
    expect(moved.getTitle()).toBe('Комментарий');
    expect(form.getItems()[0].getTitle()).toBe('Комментарий');
    form.deleteItem(0);
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['ФИО', 'Категория', 'Трудности', 'Формат', 'Готовность']);
    expect(() => items[1].getTitle()).toThrow('This item has been deleted from the form.');
    expect(() => form.deleteItem(99)).toThrow('Invalid argument: index');
  });

  test('openById of an unknown id, getActiveForm in a spreadsheet', () => {
    const { FormApp } = setup();
    expect(() => FormApp.openById('nope')).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    expect(FormApp.getActiveForm()).toBeNull();
    const form = FormApp.create('x');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
  });

  test('refused in AuthMode.NONE (onOpen before the add-on is used)', () => {
    const { FormApp, env } = setup();
    expect(() => env.runExecution('onOpen', { authMode: 'NONE' }, () => FormApp.create('x'))).toThrow(
      'You do not have permission to call FormApp.create. Required permissions: https://www.googleapis.com/auth/forms',
    );
  });

  test('calls are counted and unknown members throw', () => {
    const { FormApp, env } = setup();
    const form = FormApp.create('x');
    form.addTextItem().setTitle('a').setRequired(true);
    expect(env.calls.summary().byMethod).toMatchObject({
      'FormApp.create': 1,
      'Form.addTextItem': 1,
      'TextItem.setTitle': 1,
      'TextItem.setRequired': 1,
    });
    expect(() => (form as unknown as { setIsQuiz: () => void }).setIsQuiz()).toThrow(/not implemented/);
  });
});

describe('the response sheet', () => {
  test('setDestination makes «Ответы на форму (1)» as Google does: header, frozen, first sheet', () => {
    const { FormApp, model, values, SpreadsheetApp } = setup();
    const form = questionnaire(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(model.sheets.map((s) => s.name)).toEqual(['Ответы на форму (1)', 'Лист1']);
    expect(values('Ответы на форму (1)')).toEqual([
      [
        'Отметка времени',
        'Адрес электронной почты',
        'ФИО',
        'Категория',
        'Трудности',
        'Формат',
        'Готовность',
        'Комментарий',
      ],
    ]);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ответы на форму (1)')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFormUrl()).toBe(form.getEditUrl());
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Лист1')!.getFormUrl()).toBeNull();
    // The active sheet stays active.
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Лист1');
    expect(form.getDestinationId()).toBe('ss-1');
    expect(String(form.getDestinationType())).toBe('SPREADSHEET');
    // Linking again to the same spreadsheet changes nothing.
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(model.sheets).toHaveLength(2);
  });

  test('the next form gets the first free number; a foreign spreadsheet id is refused', () => {
    const { FormApp, model } = setup();
    FormApp.create('a').setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    model.sheets[0].name = 'ответы на форму (2)';
    FormApp.create('b').setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(model.sheets.map((s) => s.name)).toEqual(['Ответы на форму (1)', 'ответы на форму (2)', 'Лист1']);
    expect(() => FormApp.create('c').setDestination(FormApp.DestinationType.SPREADSHEET, 'other')).toThrow(
      /No item with the given ID/,
    );
  });

  test('renamed question renames its header (even after staff moved it); added goes last; deleted stays', () => {
    const { FormApp, model, values } = setup();
    const form = FormApp.create('a');
    form.addTextItem().setTitle('ФИО');
    const subject = form.addTextItem().setTitle('Предмет');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    const sheet = model.sheets[0];
    // Staff swap columns B and C.
    const row = sheet.rows[0]!;
    [row[1], row[2]] = [row[2], row[1]];
    subject.setTitle('Предметы');
    form.addTextItem().setTitle('Стаж');
    form.deleteItem(0);
    expect(values('Ответы на форму (1)')).toEqual([['Отметка времени', 'Предметы', 'ФИО', 'Стаж']]);
    // Sheet renamed by staff: still linked by id.
    sheet.name = 'Анкеты';
    expect(FormApp.openById(form.getId()).getItems()).toHaveLength(2);
    form.addTextItem().setTitle('Категория');
    expect(values('Анкеты')[0]).toEqual(['Отметка времени', 'Предметы', 'ФИО', 'Стаж', 'Категория']);
  });

  test('removeDestination unlinks; the sheet stays', () => {
    const { FormApp, SpreadsheetApp } = setup();
    const form = FormApp.create('a');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    form.removeDestination();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ответы на форму (1)')!;
    expect(sheet.getFormUrl()).toBeNull();
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
  });
});

describe('submitting', () => {
  function submitSetup() {
    const s = setup();
    const form = questionnaire(s.FormApp);
    form.setDestination(s.FormApp.DestinationType.SPREADSHEET, 'ss-1');
    const ctx = formsCtxOf(s.FormApp);
    const submit = (answers: Record<string, string | string[]>, email?: string) =>
      submitResponse(ctx, form.getId(), answers, { email });
    return { ...s, form, submit };
  }

  const good = {
    ФИО: 'Иванова Анна',
    Категория: 'стажёр',
    Трудности: ['дисциплина', 'документы'],
    Формат: 'очно',
    Готовность: '4',
    Комментарий: '=HYPERLINK("x")',
  };

  test('a response is stored and its row written as Google writes it', () => {
    const { form, submit, values, model } = submitSetup();
    const r = submit(good, 'anna@school2.example');
    expect(r.written!.row).toBe(2);
    expect(values('Ответы на форму (1)')[1]).toEqual([
      '25.11.2026 9:05:03',
      'anna@school2.example',
      'Иванова Анна',
      'стажёр',
      'дисциплина, документы',
      'очно',
      '4',
      '=HYPERLINK("x")',
    ]);
    const cells = model.sheets[0].rows[1]!;
    expect(cells[0]!.value).toBeInstanceOf(Date);
    expect(cells[6]!.value).toBe(4);
    expect(cells[7]!.formula).toBeUndefined();
    expect(r.written!.namedValues['Отметка времени']).toEqual(['25.11.2026 9:05:03']);
    expect(r.written!.namedValues['Трудности']).toEqual(['дисциплина, документы']);
    const resp = form.getResponses()[0];
    expect(resp.getRespondentEmail()).toBe('anna@school2.example');
    expect(resp.getTimestamp().toISOString()).toBe('2026-11-25T06:05:03.000Z');
    const byTitle = Object.fromEntries(
      resp.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()]),
    );
    expect(byTitle['Трудности']).toEqual(['дисциплина', 'документы']);
    expect(byTitle['Готовность']).toBe('4');
    expect(resp.getResponseForItem(form.getItems()[0]).getResponse()).toBe('Иванова Анна');
    expect(form.getResponse(resp.getId()).getId()).toBe(resp.getId());
  });

  test.each([
    [{ ...good, ФИО: '  ' }, 'anna@school2.example', '«ФИО» — это обязательный вопрос.'],
    [{ ...good, Формат: 'заочно' }, 'anna@school2.example', 'Вопрос «Формат»: варианта «заочно» нет в списке.'],
    [{ ...good, Трудности: ['кофе'] }, 'anna@school2.example', 'Вопрос «Трудности»: варианта «кофе» нет в списке.'],
    [{ ...good, Трудности: 'дисциплина' }, 'anna@school2.example', 'ответ должен быть списком'],
    [{ ...good, Готовность: '9' }, 'anna@school2.example', 'выберите число от 1 до 5'],
    [{ ...good, Лишний: 'x' }, 'anna@school2.example', 'В форме нет вопроса «Лишний».'],
    [good, undefined, 'Укажите адрес электронной почты'],
    [good, 'not-an-email', 'указан неверно'],
  ])('refused (%#): a Russian error, nothing written', (answers, email, message) => {
    const { form, submit, values } = submitSetup();
    expect(() => submit(answers as Record<string, string | string[]>, email)).toThrow(message);
    expect(() => submit(answers as Record<string, string | string[]>, email)).toThrow(FormSubmitError);
    expect(values('Ответы на форму (1)')).toHaveLength(1);
    expect(form.getResponses()).toHaveLength(0);
  });

  test('a closed form refuses responses', () => {
    const { form, submit } = submitSetup();
    form.setAcceptingResponses(false);
    expect(() => submit(good, 'a@b.ru')).toThrow('больше не принимает ответы');
  });

  test('answers go under the current headers: moved, renamed by staff (appended), deleted question kept', () => {
    const { form, submit, values, model } = submitSetup();
    const row = model.sheets[0].rows[0]!;
    // Staff move «Комментарий» (H) to C and rename «Формат» by hand.
    row.splice(2, 0, row.splice(7, 1)[0]);
    row[6]!.value = 'Формат работы';
    form.deleteItem(form.getItems()[6]);
    const { Комментарий: _deleted, ...rest } = good;
    void _deleted;
    submit(rest, 'a@b.ru');
    const v = values('Ответы на форму (1)');
    expect(v[0]).toEqual([
      'Отметка времени',
      'Адрес электронной почты',
      'Комментарий',
      'ФИО',
      'Категория',
      'Трудности',
      'Формат работы',
      'Готовность',
      'Формат',
    ]);
    expect(v[1].slice(2)).toEqual(['', 'Иванова Анна', 'стажёр', 'дисциплина, документы', '', '4', 'очно']);
  });

  test('responses before the destination are copied into the new sheet', () => {
    const s = setup();
    const form = s.FormApp.create('a', true);
    form.addTextItem().setTitle('Q');
    submitResponse(formsCtxOf(s.FormApp), form.getId(), { Q: 'early' });
    form.setDestination(s.FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(s.values('Ответы на форму (1)')[1][1]).toBe('early');
  });

  test('deleteResponse / deleteAllResponses keep the rows', () => {
    const { form, submit, values } = submitSetup();
    const r = submit(good, 'a@b.ru');
    submit(good, 'c@d.ru');
    form.deleteResponse(r.response.id);
    expect(form.getResponses()).toHaveLength(1);
    expect(() => form.getResponse(r.response.id)).toThrow(/No response/);
    form.deleteAllResponses();
    expect(form.getResponses()).toHaveLength(0);
    expect(values('Ответы на форму (1)')).toHaveLength(3);
  });
});
