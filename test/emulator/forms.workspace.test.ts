import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentGeneration } from '../../emulator/persistence/workspaceStore';
import { DEMO_USERS } from '../../workspace/workspace';
import { ANSWERS, fakeAddonDist, formsWorkspace, recorded } from './formsFixture';

const SHEET = 'Ответы на форму (1)';

async function ready() {
  const ws = await formsWorkspace();
  ws.run('installTrigger');
  const formId = ws.run('buildForm') as string;
  return { ws, formId };
}

describe('a submission fires the add-on trigger', () => {
  test('with the real event shape, as the trigger owner, in FULL mode', async () => {
    const { ws, formId } = await ready();
    // The respondent is not the trigger's owner; the handler still runs as its owner.
    ws.setUser(DEMO_USERS.teacher);
    const result = ws.submitForm('Анкета', ANSWERS, { email: 'Anna@School2.example' });
    expect(result.row).toBe(2);
    expect(result.triggerRuns).toEqual([
      { triggerId: ws.triggers()[0].id, handler: 'onFormSubmit', responseId: result.responseId, ok: true },
    ]);
    const [e] = recorded(ws);
    const row = [
      '25.11.2026 9:05:03',
      'Anna@School2.example',
      'Иванова Анна',
      'дисциплина, кофе',
      'очно',
      'высшая',
      '4',
      '',
    ];
    expect(e).toEqual({
      keys: ['authMode', 'namedValues', 'range', 'triggerUid', 'values'],
      authMode: 'FULL',
      isFull: true,
      a1: 'A2:H2',
      sheet: SHEET,
      rowValues: row,
      values: row,
      valuesIsArray: true,
      namedValues: {
        'Отметка времени': ['25.11.2026 9:05:03'],
        'Адрес электронной почты': ['Anna@School2.example'],
        ФИО: ['Иванова Анна'],
        Темы: ['дисциплина, кофе'],
        Формат: ['очно'],
        Категория: ['высшая'],
        Готовность: ['4'],
        Комментарий: [''],
      },
      triggerUid: ws.triggers()[0].id,
      user: DEMO_USERS.methodologist,
    });
    expect(ws.values(SHEET)![1]).toEqual(row);
    expect(ws.submitForm(formId, ANSWERS, { email: 'b@c.ru' }).row).toBe(3);
  });

  test('ws.forms() and ws.triggers() describe what the add-on made', async () => {
    const { ws, formId } = await ready();
    const [form] = ws.forms();
    expect(form).toMatchObject({
      id: formId,
      title: 'Анкета',
      url: `https://docs.google.com/forms/d/e/${formId}/viewform`,
      editUrl: `https://docs.google.com/forms/d/${formId}/edit`,
      responseSheet: SHEET,
      responses: 0,
    });
    expect(form.items[1]).toMatchObject({
      title: 'Темы',
      type: 'CHECKBOX',
      required: false,
      choices: ['дисциплина', 'оценивание'],
      otherOption: true,
    });
    expect(form.items[0].required).toBe(true);
    expect(ws.triggers()).toEqual([
      {
        id: expect.any(String),
        handler: 'onFormSubmit',
        eventType: 'ON_FORM_SUBMIT',
        source: 'SPREADSHEETS',
        sourceId: ws.model.id,
        user: DEMO_USERS.methodologist,
      },
    ]);
  });

  test('no trigger, no run; a failing handler is recorded and the submission stands', async () => {
    const ws = await formsWorkspace();
    ws.run('buildForm');
    expect(ws.submitForm('Анкета', ANSWERS, { email: 'a@b.ru' }).triggerRuns).toEqual([]);
    ws.run('installTrigger');
    const r = ws.submitForm('Анкета', { ...ANSWERS, ФИО: 'сбой' }, { email: 'a@b.ru' });
    expect(r.triggerRuns[0]).toMatchObject({ ok: false, error: 'обработчик упал' });
    expect(ws.values(SHEET)).toHaveLength(3);
    expect(ws.logs.entries.some((x) => x.level === 'error' && x.message.includes('обработчик упал'))).toBe(true);
  });

  test('a refused submission fires nothing and writes nothing', async () => {
    const { ws } = await ready();
    expect(() => ws.submitForm('Анкета', { ...ANSWERS, ФИО: '' }, { email: 'a@b.ru' })).toThrow(
      '«ФИО» — это обязательный вопрос.',
    );
    expect(recorded(ws)).toEqual([]);
    expect(ws.values(SHEET)).toHaveLength(1);
    expect(() => ws.submitForm('Нет такой', ANSWERS)).toThrow('Нет формы «Нет такой».');
  });
});

describe('deferred, reordered and duplicated firings', () => {
  async function deferred(n: number) {
    const { ws } = await ready();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = ws.submitForm(
        'Анкета',
        { ...ANSWERS, ФИО: `Учитель ${i}` },
        { email: `t${i}@b.ru`, deferTriggers: true },
      );
      expect(r.triggerRuns).toEqual([]);
      ids.push(r.responseId);
    }
    // Rows are written at once; the triggers wait.
    expect(ws.values(SHEET)).toHaveLength(n + 1);
    expect(recorded(ws)).toEqual([]);
    expect(ws.pendingFormTriggers()).toBe(n);
    return { ws, ids };
  }

  test('reverse order', async () => {
    const { ws } = await deferred(3);
    const runs = ws.flushFormTriggers({ order: 'reverse' });
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(recorded(ws).map((e) => e.a1)).toEqual(['A4:H4', 'A3:H3', 'A2:H2']);
    expect(ws.pendingFormTriggers()).toBe(0);
    expect(ws.flushFormTriggers()).toEqual([]);
  });

  test('shuffled (seeded, replayable) and duplicated: every event twice, each run its own execution', async () => {
    const a = await deferred(6);
    a.ws.flushFormTriggers({ order: 'shuffle', seed: 7, duplicate: true });
    const rowsA = recorded(a.ws).map((e) => e.namedValues['ФИО'][0]);
    expect(rowsA).toHaveLength(12);
    for (let i = 0; i < 6; i++) expect(rowsA.filter((x) => x === `Учитель ${i}`)).toHaveLength(2);
    expect(rowsA).not.toEqual([...rowsA].sort());
    // The same seed gives the same order.
    const b = await deferred(6);
    b.ws.flushFormTriggers({ order: 'shuffle', seed: 7, duplicate: true });
    expect(recorded(b.ws).map((e) => e.namedValues['ФИО'][0])).toEqual(rowsA);
  });

  test('simultaneous: all start at once, so a lock held for the whole run makes later ones time out', async () => {
    // The fake handler holds the script lock until it ends and waits at most 1 s for it.
    const { ws } = await deferred(30);
    const start = ws.env.now();
    const runs = ws.flushFormTriggers({ simultaneous: true });
    const failed = runs.filter((r) => !r.ok);
    expect(runs.slice(0, 2).every((r) => r.ok)).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((r) => r.error))).toEqual(
      new Set(['Lock timeout: another process was holding the lock for too long.']),
    );
    // Once one timed out, every later one does too (the queue only grows).
    const firstFailure = runs.findIndex((r) => !r.ok);
    expect(runs.slice(firstFailure).every((r) => !r.ok)).toBe(true);
    expect(recorded(ws)).toHaveLength(firstFailure);
    expect(ws.env.now()).toBeGreaterThan(start);
    // The same queue fired one after another (the default) loses nothing.
    const again = await deferred(30);
    expect(again.ws.flushFormTriggers().every((r) => r.ok)).toBe(true);
    expect(recorded(again.ws)).toHaveLength(30);
  });

  test('a trigger deleted before the flush does not fire', async () => {
    const { ws } = await deferred(1);
    ws.triggerRegistry.remove(ws.triggers()[0].id);
    expect(ws.flushFormTriggers()[0].ok).toBe(false);
    expect(recorded(ws)).toEqual([]);
  });
});

describe('persistence', () => {
  test('forms.json and mail.json survive save and reopen', async () => {
    const dist = fakeAddonDist();
    const ws = await formsWorkspace(undefined, dist);
    ws.run('installTrigger');
    const formId = ws.run('buildForm') as string;
    ws.submitForm(formId, ANSWERS, { email: 'a@b.ru' });
    ws.run('mailAll', 'zavuch@school2.example');
    await ws.save();
    const saved = JSON.parse(readFileSync(path.join(currentGeneration(ws.dir)!.path, 'forms.json'), 'utf8'));
    expect(saved.forms[0].responses).toHaveLength(1);
    const again = await formsWorkspace(ws.dir, dist);
    expect(again.forms()).toEqual(ws.forms());
    expect(again.mail()).toEqual(ws.mail());
    expect(again.mail()).toHaveLength(1);
    // The reopened form keeps its item ids, destination and trigger.
    const r = again.submitForm(formId, ANSWERS, { email: 'c@d.ru' });
    expect(r.row).toBe(3);
    expect(r.triggerRuns[0].ok).toBe(true);
    again.run('buildForm', 'Вторая');
    expect(again.forms()[1].id).toBe('form-0002');
    expect(new Set(again.forms().flatMap((f) => f.items.map((i) => i.id))).size).toBe(12);
  });
});
