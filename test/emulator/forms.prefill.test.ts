import { Env } from '../../emulator/core/env';
import { createFormApp } from '../../emulator/forms/formApp';
import { newFormsModel } from '../../emulator/forms/model';
import { entryIdOf, OTHER_OPTION, readPrefill } from '../../emulator/forms/prefill';
import { checkedTwice, notAChoice } from '../../emulator/forms/questionItems';
import { ALREADY_SUBMITTED, NOT_A_DRAFT, OTHER_FORM } from '../../emulator/forms/response';
import { filledFromQuery, renderForm } from '../../workspace/server/formPage';
import { newSpreadsheetModel } from '../../emulator/spreadsheet/model';
import { sheetDisplayValues } from '../../emulator/spreadsheet/staffEdit';
import { NOW } from './formsFixture';
import { formsServices } from './formsServices';

function setup() {
  const { env, model, forms, FormApp } = formsServices();
  const form = FormApp.create('Запрос на наставничество', true);
  const pair = form.addListItem().setTitle('Пара').setChoiceValues(['П-0003 — Иванова А. П.', 'П-0004 — Петров & сын']);
  const role = form.addMultipleChoiceItem().setTitle('Роль').setChoiceValues(['Наставник', 'Наставляемый']);
  const topics = form.addTextItem().setTitle('Темы');
  const note = form.addParagraphTextItem().setTitle('Комментарий');
  const tags = form.addCheckboxItem().setTitle('Трудности').setChoiceValues(['дисциплина', 'оценивание', 'a&b=c']);
  const mood = form.addScaleItem().setTitle('Готовность').setBounds(1, 5);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, model.id);
  const ids = {
    pair: pair.getId(),
    role: role.getId(),
    topics: topics.getId(),
    note: note.getId(),
    tags: tags.getId(),
    mood: mood.getId(),
  };
  const values = (name: string) =>
    sheetDisplayValues(
      model,
      model.sheets.find((s) => s.name === name)!,
      env,
    );
  return { env, model, forms, FormApp, form, ids, values };
}

/** The query of a URL as [name, value] pairs, decoded. */
function query(url: string): Array<[string, string]> {
  return [...new URL(url).searchParams];
}

describe('FormResponse: prefilled links', () => {
  test('the example of the brief: list, multiple choice and text answers in one link', () => {
    const { form, ids } = setup();
    const url = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.pair).asListItem().createResponse('П-0003 — Иванова А. П.'))
      .withItemResponse(form.getItemById(ids.role).asMultipleChoiceItem().createResponse('Наставник'))
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('Методика урока; Работа с родителями'))
      .toPrefilledUrl();
    const base = `https://docs.google.com/forms/d/e/${form.getId()}/viewform`;
    expect(url.startsWith(`${base}?usp=pp_url&entry.`)).toBe(true);
    // Encoded as a browser encodes a form: UTF-8 percent-escapes, space as "+", ";" escaped.
    expect(url).toBe(
      `${base}?usp=pp_url` +
        `&entry.${entryIdOf(ids.pair)}=%D0%9F-0003+%E2%80%94+%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0+%D0%90.+%D0%9F.` +
        `&entry.${entryIdOf(ids.role)}=%D0%9D%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D0%BA` +
        `&entry.${entryIdOf(ids.topics)}=%D0%9C%D0%B5%D1%82%D0%BE%D0%B4%D0%B8%D0%BA%D0%B0+%D1%83%D1%80%D0%BE%D0%BA%D0%B0%3B+%D0%A0%D0%B0%D0%B1%D0%BE%D1%82%D0%B0+%D1%81+%D1%80%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8F%D0%BC%D0%B8`,
    );
    expect(query(url)).toEqual([
      ['usp', 'pp_url'],
      [`entry.${entryIdOf(ids.pair)}`, 'П-0003 — Иванова А. П.'],
      [`entry.${entryIdOf(ids.role)}`, 'Наставник'],
      [`entry.${entryIdOf(ids.topics)}`, 'Методика урока; Работа с родителями'],
    ]);
  });

  test('entry ids are stable numbers of their own: not the item ids, distinct, the same for every response', () => {
    const { form, ids } = setup();
    const all = Object.values(ids);
    const entries = all.map(entryIdOf);
    expect(new Set(entries).size).toBe(all.length);
    for (const [i, id] of all.entries()) {
      expect(entries[i]).not.toBe(id);
      expect(Number.isInteger(entries[i]) && entries[i] > 0 && entries[i] < 2 ** 31).toBe(true);
    }
    const link = () =>
      form
        .createResponse()
        .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('x'))
        .toPrefilledUrl();
    expect(link()).toBe(link());
    expect(link()).not.toContain(`entry.${ids.topics}=`);
  });

  test('ampersands, equals signs, plus signs, spaces, quotes and new lines survive the round trip', () => {
    const { form, ids } = setup();
    const text = 'Петров & сын = 1+1 "цитата" \'апостроф\' #хэш ?вопрос\nвторая строка';
    const url = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.note).asParagraphTextItem().createResponse(text))
      .withItemResponse(form.getItemById(ids.pair).asListItem().createResponse('П-0004 — Петров & сын'))
      .toPrefilledUrl();
    const raw = url.slice(url.indexOf('?') + 1);
    // One pair per answer: the ampersands inside the values are escaped.
    expect(raw.split('&')).toHaveLength(3);
    expect(raw).toContain('%26');
    expect(raw).not.toMatch(/[ "#\n]/);
    expect(new URL(url).searchParams.get(`entry.${entryIdOf(ids.note)}`)).toBe(text);
    expect(new URL(url).searchParams.get(`entry.${entryIdOf(ids.pair)}`)).toBe('П-0004 — Петров & сын');
  });

  test('a checkbox answer gives one entry per value; a scale answer its number', () => {
    const { form, ids } = setup();
    const url = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.tags).asCheckboxItem().createResponse(['a&b=c', 'дисциплина']))
      .withItemResponse(form.getItemById(ids.mood).asScaleItem().createResponse(4))
      .toPrefilledUrl();
    const name = `entry.${entryIdOf(ids.tags)}`;
    expect(new URL(url).searchParams.getAll(name)).toEqual(['a&b=c', 'дисциплина']);
    expect(url).toContain(`&${name}=a%26b%3Dc&${name}=`);
    expect(new URL(url).searchParams.get(`entry.${entryIdOf(ids.mood)}`)).toBe('4');
  });

  test('answers go in form order whatever the order they were added; the last answer to a question wins', () => {
    const { form, ids } = setup();
    const text = form.getItemById(ids.topics).asTextItem();
    const response = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.mood).asScaleItem().createResponse(2))
      .withItemResponse(text.createResponse('первый'))
      .withItemResponse(text.createResponse('второй'));
    expect(query(response.toPrefilledUrl()).map(([k]) => k)).toEqual([
      'usp',
      `entry.${entryIdOf(ids.topics)}`,
      `entry.${entryIdOf(ids.mood)}`,
    ]);
    expect(response.getItemResponses().map((r) => r.getResponse())).toEqual(['второй', '2']);
    expect(response.getResponseForItem(form.getItemById(ids.topics)).getResponse()).toBe('второй');
    expect(response.getResponseForItem(form.getItemById(ids.role))).toBeNull();
    // Not submitted: no id, no timestamp, no e-mail (Google documents null for these).
    expect(response.getId()).toBeNull();
    expect(response.getTimestamp()).toBeNull();
    expect(response.getRespondentEmail()).toBeNull();
  });

  test('an empty response links to the bare form; the «Другое» text goes as Google sends it', () => {
    const { form, ids } = setup();
    expect(form.createResponse().toPrefilledUrl()).toBe(`${form.getPublishedUrl()}?usp=pp_url`);
    form.getItemById(ids.role).asMultipleChoiceItem().showOtherOption(true);
    form.getItemById(ids.tags).asCheckboxItem().showOtherOption(true);
    const url = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.role).asMultipleChoiceItem().createResponse('Куратор'))
      .withItemResponse(form.getItemById(ids.tags).asCheckboxItem().createResponse(['оценивание', 'своё']))
      .toPrefilledUrl();
    const role = `entry.${entryIdOf(ids.role)}`;
    const tags = `entry.${entryIdOf(ids.tags)}`;
    expect(query(url).slice(1)).toEqual([
      [role, OTHER_OPTION],
      [`${role}.other_option_response`, 'Куратор'],
      [tags, 'оценивание'],
      [tags, OTHER_OPTION],
      [`${tags}.other_option_response`, 'своё'],
    ]);
  });

  test('a stored response prefills too (Google’s own example); stored responses cannot be changed', () => {
    const { form, ids } = setup();
    const submitted = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('Методика'))
      .submit();
    const stored = form.getResponses()[0];
    expect(stored.toPrefilledUrl()).toBe(submitted.toPrefilledUrl());
    expect(new URL(stored.toPrefilledUrl()).searchParams.get(`entry.${entryIdOf(ids.topics)}`)).toBe('Методика');
    const answer = form.getItemById(ids.topics).asTextItem().createResponse('другое');
    expect(() => stored.withItemResponse(answer)).toThrow(NOT_A_DRAFT);
  });

  test('answers to questions deleted since are left out of the link', () => {
    const { form, ids } = setup();
    const response = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('Методика'))
      .withItemResponse(form.getItemById(ids.mood).asScaleItem().createResponse(3));
    form.deleteItem(form.getItemById(ids.topics));
    expect(query(response.toPrefilledUrl()).map(([k]) => k)).toEqual(['usp', `entry.${entryIdOf(ids.mood)}`]);
  });
});

describe('createResponse: what each item accepts', () => {
  test('choice items refuse a value that is not a choice (Google documents the exception)', () => {
    const { form, ids } = setup();
    const list = form.getItemById(ids.pair).asListItem();
    const mc = form.getItemById(ids.role).asMultipleChoiceItem();
    const cb = form.getItemById(ids.tags).asCheckboxItem();
    expect(() => list.createResponse('П-9999 — Никто')).toThrow(notAChoice('П-9999 — Никто', 'Пара'));
    expect(() => mc.createResponse('наставник')).toThrow(notAChoice('наставник', 'Роль'));
    expect(() => cb.createResponse(['дисциплина', 'кофе'])).toThrow(notAChoice('кофе', 'Трудности'));
    expect(() => cb.createResponse(['дисциплина', 'дисциплина'])).toThrow(checkedTwice('дисциплина', 'Трудности'));
    // With «Другое» shown: any text for multiple choice, one extra text for checkboxes.
    mc.showOtherOption(true);
    cb.showOtherOption(true);
    expect(mc.createResponse('наставник').getResponse()).toBe('наставник');
    expect(cb.createResponse(['дисциплина', 'кофе']).getResponse()).toEqual(['дисциплина', 'кофе']);
    expect(() => cb.createResponse(['кофе', 'чай'])).toThrow(notAChoice('чай', 'Трудности'));
  });

  test('scale answers are whole numbers within the bounds; getResponse gives them as strings', () => {
    const { form, ids } = setup();
    const scale = form.getItemById(ids.mood).asScaleItem();
    expect(scale.createResponse(1).getResponse()).toBe('1');
    expect(scale.createResponse(5).getItem().getId()).toBe(ids.mood);
    expect(() => scale.createResponse(0)).toThrow(/outside the bounds 1–5/);
    expect(() => scale.createResponse(6)).toThrow(/outside the bounds 1–5/);
    expect(() => scale.createResponse(2.5)).toThrow(/outside the bounds/);
    expect(() => scale.createResponse('4' as unknown as number)).toThrow(
      "The parameters (String) don't match the method signature for FormApp.ScaleItem.createResponse.",
    );
  });

  test('wrong argument kinds and wrong item types are refused', () => {
    const { form, ids } = setup();
    const text = form.getItemById(ids.topics).asTextItem();
    expect(() => text.createResponse(42 as unknown as string)).toThrow(
      "The parameters (number) don't match the method signature for FormApp.TextItem.createResponse.",
    );
    expect(() =>
      form
        .getItemById(ids.pair)
        .asListItem()
        .createResponse(['a'] as unknown as string),
    ).toThrow(/don't match the method signature for FormApp.ListItem.createResponse/);
    expect(() =>
      form
        .getItemById(ids.tags)
        .asCheckboxItem()
        .createResponse('дисциплина' as unknown as string[]),
    ).toThrow(/don't match the method signature for FormApp.CheckboxItem.createResponse/);
    // The item behind an id must be converted to its own type.
    expect(() => form.getItemById(ids.topics).asListItem()).toThrow('Invalid conversion for item type: TEXT');
    expect(() => form.getItemById(ids.pair).asMultipleChoiceItem()).toThrow('Invalid conversion for item type: LIST');
    expect(() => form.createResponse().withItemResponse('x' as unknown as GoogleAppsScript.Forms.ItemResponse)).toThrow(
      /don't match the method signature for FormApp.FormResponse.withItemResponse/,
    );
  });

  test('an answer belongs to its form; one to a deleted question cannot be added', () => {
    const { FormApp, form, ids } = setup();
    const other = FormApp.create('Другая');
    const foreign = other.addTextItem().setTitle('Темы').createResponse('x');
    expect(() => form.createResponse().withItemResponse(foreign)).toThrow(OTHER_FORM);
    const answer = form.getItemById(ids.topics).asTextItem().createResponse('x');
    form.deleteItem(form.getItemById(ids.topics));
    expect(() => form.createResponse().withItemResponse(answer)).toThrow('This item has been deleted from the form.');
  });

  test('calls are counted under Apps Script names', () => {
    const { env, form, ids } = setup();
    env.calls.reset();
    form
      .createResponse()
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('x'))
      .toPrefilledUrl();
    const byMethod = env.calls.summary().byMethod;
    expect(byMethod['Form.createResponse']).toBe(1);
    expect(byMethod['TextItem.createResponse']).toBe(1);
    expect(byMethod['FormResponse.withItemResponse']).toBe(1);
    expect(byMethod['FormResponse.toPrefilledUrl']).toBe(1);
  });
});

describe('FormResponse.submit', () => {
  test('stores the response and writes its row; a second submit throws', () => {
    const { form, ids, values } = setup();
    const draft = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('=1+1'))
      .withItemResponse(form.getItemById(ids.tags).asCheckboxItem().createResponse(['дисциплина', 'a&b=c']))
      .withItemResponse(form.getItemById(ids.mood).asScaleItem().createResponse(4));
    const stored = draft.submit();
    expect(stored.getId()).toBe('resp-000001');
    expect(draft.getId()).toBe('resp-000001');
    expect(stored.getRespondentEmail()).toBe('');
    expect(form.getResponses()).toHaveLength(1);
    expect(values('Ответы на форму (1)')[1].slice(1)).toEqual(['', '', '=1+1', '', 'дисциплина, a&b=c', '4']);
    expect(() => draft.submit()).toThrow(ALREADY_SUBMITTED);
  });

  test('a closed form refuses; the workspace hears of a script submission through onScriptSubmit', () => {
    const env = new Env({ now: NOW, user: 'metodist@school2.example' });
    env.chargeLatency = false;
    const model = newSpreadsheetModel('Наставничество', 'ss-1');
    const heard: string[] = [];
    const FormApp = createFormApp(env, newFormsModel(), model, {
      onScriptSubmit: (r) => heard.push(`${r.formId}:${r.response.id}:${r.written ? r.written.row : '-'}`),
    });
    const form = FormApp.create('Анкета');
    form.addTextItem().setTitle('ФИО').setRequired(true);
    // Google's own example submits an empty response: required questions are not enforced.
    form.createResponse().submit();
    expect(heard).toEqual(['form-0001:resp-000001:-']);
    form.setAcceptingResponses(false);
    expect(() => form.createResponse().submit()).toThrow('The form "Анкета" is not accepting responses.');
    expect(heard).toHaveLength(1);
  });
});

describe('the form page reads a prefilled link', () => {
  function prefilled() {
    const s = setup();
    const { form, ids } = s;
    form.getItemById(ids.role).asMultipleChoiceItem().showOtherOption(true);
    const url = form
      .createResponse()
      .withItemResponse(form.getItemById(ids.pair).asListItem().createResponse('П-0004 — Петров & сын'))
      .withItemResponse(form.getItemById(ids.role).asMultipleChoiceItem().createResponse('Куратор'))
      .withItemResponse(form.getItemById(ids.topics).asTextItem().createResponse('Методика "урока" & <дети>'))
      .withItemResponse(form.getItemById(ids.note).asParagraphTextItem().createResponse('строка 1\nстрока 2'))
      .withItemResponse(form.getItemById(ids.tags).asCheckboxItem().createResponse(['дисциплина', 'a&b=c']))
      .withItemResponse(form.getItemById(ids.mood).asScaleItem().createResponse(3))
      .toPrefilledUrl();
    return { ...s, url, model: s.forms.forms[0] };
  }

  test('entry parameters become the page’s fields', () => {
    const { url, model, ids } = prefilled();
    const filled = filledFromQuery(model, new URL(url).searchParams);
    expect(filled).toEqual(
      new Map([
        [`q${ids.pair}`, ['П-0004 — Петров & сын']],
        [`q${ids.role}`, [OTHER_OPTION]],
        [`q${ids.role}.other`, ['Куратор']],
        [`q${ids.topics}`, ['Методика "урока" & <дети>']],
        [`q${ids.note}`, ['строка 1\nстрока 2']],
        [`q${ids.tags}`, ['дисциплина', 'a&b=c']],
        [`q${ids.mood}`, ['3']],
      ]),
    );
  });

  test('the page shows them selected and filled in, escaped, still editable', () => {
    const { url, model, ids } = prefilled();
    const html = renderForm(model, filledFromQuery(model, new URL(url).searchParams));
    expect(html).toContain('<option value="П-0004 — Петров &amp; сын" selected>');
    expect(html).not.toContain('<option value="П-0003 — Иванова А. П." selected>');
    expect(html).toMatch(new RegExp(`type="radio" name="q${ids.role}" value="__other_option__" checked`));
    expect(html).toContain(`name="q${ids.role}.other" value="Куратор"`);
    expect(html).toContain(`name="q${ids.topics}" value="Методика &quot;урока&quot; &amp; &lt;дети&gt;"`);
    expect(html).toContain('>строка 1\nстрока 2</textarea>');
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="дисциплина" checked`));
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="a&amp;b=c" checked`));
    expect(html).toMatch(new RegExp(`type="checkbox" name="q${ids.tags}" value="оценивание">`));
    expect(html).toMatch(new RegExp(`type="radio" name="q${ids.mood}" value="3" checked`));
    expect(html).not.toMatch(/disabled|readonly/);
  });

  test('unknown entries, item ids used as entries and values that are not choices are ignored', () => {
    const { form, ids, forms } = setup();
    const params = new URLSearchParams([
      ['usp', 'pp_url'],
      [`entry.${ids.topics}`, 'по номеру вопроса'],
      ['entry.1', 'x'],
      [`entry.${entryIdOf(ids.pair)}`, 'нет такого'],
      [`entry.${entryIdOf(ids.mood)}`, '9'],
    ]);
    const model = forms.forms[0];
    expect(readPrefill(model, params).values.has(ids.topics)).toBe(false);
    const html = renderForm(model, filledFromQuery(model, params));
    expect(html).not.toContain('по номеру вопроса');
    expect(html).not.toContain(' selected>');
    expect(html).not.toContain(' checked');
    expect(form.getId()).toBe(model.id);
  });
});
