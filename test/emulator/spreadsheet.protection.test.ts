/** Protections: who may edit, and that scripts running as others are stopped. */
import { canUserEdit } from '../../emulator/spreadsheet/protection';
import { setup } from './spreadsheetFixture';

const OWNER = 'metodist@school.example';
const STAFF = 'zavuch@school.example';
const TEACHER = 'uchitel@school.example';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('Protection objects', () => {
  test('range protection: description, editors (the creator is one), type, range', () => {
    const { app, sheet } = setup({ owner: OWNER });
    const p = sheet.getRange('A1:J1').protect().setDescription('Шапка').addEditor(STAFF);
    expect(p.getDescription()).toBe('Шапка');
    expect(p.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:J1');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    p.removeEditor(STAFF);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(p.canEdit()).toBe(true);
    expect(p.isWarningOnly()).toBe(false);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('sheet protection with unprotected ranges', () => {
    const { app, sheet, ss } = setup({ owner: OWNER });
    const p = sheet.protect().setUnprotectedRanges([sheet.getRange('G2:G40')]);
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['G2:G40']);
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.protect().getUnprotectedRanges()).toHaveLength(1); // the same protection
  });
});

describe('enforcement', () => {
  test('a non-editor cannot write protected cells; the owner can', () => {
    const f = setup({ owner: OWNER });
    f.sheet.getRange('A1:J1').protect();
    f.env.activeUser = TEACHER;
    expect(() => f.sheet.getRange('A1').setValue('x')).toThrow(PROTECTED);
    expect(() => f.sheet.getRange('B1:C2').setBackground('#ff0000')).toThrow(PROTECTED);
    expect(() => f.sheet.appendRow(['x'])).toThrow(PROTECTED); // the first free row is 1
    f.sheet.getRange('A2').setValue('ok');
    expect(f.sheet.getRange('A2').getValue()).toBe('ok');
    f.env.activeUser = OWNER;
    f.sheet.getRange('A1').setValue('шапка');
    expect(f.sheet.getRange('A1').getValue()).toBe('шапка');
  });

  test('the owner may always edit, even when not listed (e.g. a protection another editor created)', () => {
    const f = setup({ owner: OWNER, user: STAFF });
    const p = f.sheet.getRange('A1:B2').protect(); // created by STAFF: STAFF is its editor
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    f.env.activeUser = OWNER;
    p.removeEditor(STAFF).removeEditor(OWNER);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    f.sheet.getRange('A1').setValue('владелец');
    expect(f.sheet.getRange('A1').getValue()).toBe('владелец');
    f.env.activeUser = STAFF;
    expect(() => f.sheet.getRange('A1').setValue('x')).toThrow(PROTECTED);
    expect(p.canEdit()).toBe(false);
  });

  test('listed editors may write; warning-only protections do not stop scripts', () => {
    const f = setup({ owner: OWNER });
    const p = f.sheet.getRange('A1').protect().addEditor(STAFF);
    f.env.activeUser = STAFF;
    f.sheet.getRange('A1').setValue(1);
    f.env.activeUser = OWNER;
    p.removeEditor(STAFF).setWarningOnly(true);
    f.env.activeUser = STAFF;
    f.sheet.getRange('A1').setValue(2);
    expect(f.sheet.getRange('A1').getValue()).toBe(2);
  });

  test('a protected sheet stops a non-editor except in its unprotected ranges; structure changes too', () => {
    const f = setup({ owner: OWNER });
    f.sheet.protect().setUnprotectedRanges([f.sheet.getRange('G2:G40')]);
    f.env.activeUser = TEACHER;
    f.sheet.getRange('G5').setValue('Выполнено');
    expect(() => f.sheet.getRange('F5:G5').setValues([['a', 'b']])).toThrow(PROTECTED);
    expect(() => f.sheet.insertRowAfter(5)).toThrow(PROTECTED);
    expect(() => f.sheet.getProtections(f.app.ProtectionType.SHEET)[0].remove()).toThrow(PROTECTED);
  });

  test('canUserEdit for staff edits', () => {
    const f = setup({ owner: OWNER });
    f.sheet.getRange('A1:J1').protect().addEditor(STAFF);
    const s = f.model.sheets[0];
    expect(canUserEdit(f.model, s, 0, 0, TEACHER, OWNER)).toBe(false);
    expect(canUserEdit(f.model, s, 0, 0, STAFF, OWNER)).toBe(true);
    expect(canUserEdit(f.model, s, 0, 0, OWNER, OWNER)).toBe(true);
    expect(canUserEdit(f.model, s, 1, 0, TEACHER, OWNER)).toBe(true);
  });
});
