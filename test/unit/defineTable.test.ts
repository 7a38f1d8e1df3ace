/** defineTable: a sheet declared once, read and written by field names the compiler checks. */
import { defineTable } from '../../src/sheets/defineTable';
import { ensureTable, Table } from '../../src/sheets/table';
import { setup } from '../emulator/spreadsheetFixture';

const PEOPLE = defineTable('Люди', {
  id: { header: 'ID', width: 70, numberFormat: '@' },
  name: { header: 'ФИО', aliases: ['Фамилия, имя'], width: 200 },
  status: { header: 'Статус', width: 110, dropdown: ['да', 'нет'] },
});

test('the declaration keeps the sheet order, the headers and the column specs', () => {
  expect(PEOPLE.sheetName).toBe('Люди');
  expect(PEOPLE.headers).toEqual({ id: 'ID', name: 'ФИО', status: 'Статус' });
  expect(PEOPLE.columns.map((c) => [c.key, c.header, c.width])).toEqual([
    ['id', 'ID', 70],
    ['name', 'ФИО', 200],
    ['status', 'Статус', 110],
  ]);
});

test('fields are found by header wherever staff moved the columns, and written in one setValues', () => {
  const { ss, sheet, env } = setup();
  sheet.setName('Люди');
  sheet.getRange(1, 1, 3, 4).setValues([
    ['Заметки', 'Статус', 'Фамилия, имя', 'ID'],
    ['x', 'да', 'Иванова', 'П-1'],
    ['y', 'нет', 'Петров', 'П-2'],
  ]);
  const table = Table.read(ss, PEOPLE)!;
  expect(table.text(1, 'name')).toBe('Петров');
  expect(table.column('id')).toBe(4);
  expect(table.texts(1)).toEqual({ id: 'П-2', name: 'Петров', status: 'нет' });
  // @ts-expect-error: a field the table does not declare does not compile.
  expect(() => table.text(0, 'email')).toThrow('Unknown column "email" for sheet "Люди"');
  env.calls.reset();
  table.assign(0, { status: 'нет', name: 'Иванова' }, (a, b) => a === b);
  table.flush();
  expect(env.calls.summary().byMethod['Range.setValues']).toBe(1);
  expect(sheet.getRange(2, 1, 1, 4).getValues()).toEqual([['x', 'нет', 'Иванова', 'П-1']]);
});

test('a deleted column is named by its Russian header', () => {
  const { ss, sheet } = setup();
  sheet.setName('Люди');
  sheet.getRange(1, 1, 2, 2).setValues([
    ['ID', 'ФИО'],
    ['П-1', 'Иванова'],
  ]);
  const table = Table.read(ss, PEOPLE)!;
  expect(() => table.text(0, 'status')).toThrow(
    'На листе «Люди» нет столбца «Статус». Запустите «Настроить учебный год…», чтобы восстановить его.',
  );
});

test('a new sheet gets its headers, and the dropdown declared on a column', () => {
  const { ss, app } = setup();
  (globalThis as { SpreadsheetApp?: unknown }).SpreadsheetApp = app;
  try {
    const table = ensureTable(ss, PEOPLE);
    expect(table.sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['ID', 'ФИО', 'Статус']]);
    const rule = table.sheet.getRange(2, 3).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(['да', 'нет']);
    expect(table.sheet.getRange(2, 1).getDataValidation()).toBeNull();
  } finally {
    delete (globalThis as { SpreadsheetApp?: unknown }).SpreadsheetApp;
  }
});
