/**
 * Withdrawal of consent (152-ФЗ, art. 9 § 2 and art. 21 § 5): after a mentee of an approved pair and a
 * mentor withdraw, their name (in full and with initials) and e-mail are nowhere the add-on put them:
 * not in a cell of any sheet, a Doc's text or a PDF, a Drive name (the trash included), a response
 * Google Forms keeps, or a choice of a form. «Журнал» keeps one line about it, without the name.
 */
import { docPlainText } from '../../emulator/docs/model';
import type { Workspace } from '../../workspace/workspace';
import { WITHDRAWAL_CHOICE, withdrawalForm } from '../../src/domain/questionnaires';
import { generateDocuments, MAY, records, useDemoSchool } from './workspace';

const demo = useDemoSchool('withdrawal', MAY);

interface Person {
  id: string;
  fullName: string;
  email: string;
}

/** «Михайлова Мария Андреевна» → the ways a document may write it: in full, «Михайлова М. А.», «М. А. Михайлова». */
function spellings(p: Person): string[] {
  const [surname, name, patronymic] = p.fullName.split(/\s+/);
  const initials = [name, patronymic].filter(Boolean).map((w) => `${w[0]}.`);
  return [
    p.fullName,
    `${surname} ${initials.join(' ')}`,
    `${surname} ${initials.join('')}`,
    `${initials.join(' ')} ${surname}`,
    `${initials.join('')} ${surname}`,
    p.email,
  ].map((s) => s.toLowerCase());
}

/** Every place the workspace holds text, labelled for the failure message. */
function everything(ws: Workspace): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const sheet of ws.model.sheets) {
    (ws.values(sheet.name) ?? []).forEach((row, r) =>
      row.forEach((cell, c) => out.push({ where: `sheet «${sheet.name}» R${r + 1}C${c + 1}`, text: cell })),
    );
  }
  for (const file of ws.drive.files) {
    const trash = file.trashed ? ' (trash)' : '';
    out.push({ where: `Drive name${trash}`, text: file.name });
    out.push({ where: `Drive description${trash} «${file.name}»`, text: file.description });
    if (file.pdfOf) out.push({ where: `PDF${trash} «${file.name}»`, text: docPlainText(file.pdfOf) });
  }
  for (const [id, doc] of Object.entries(ws.drive.docs)) {
    const name = ws.drive.files.find((f) => f.id === id)?.name ?? id;
    out.push({ where: `Doc «${name}»`, text: docPlainText(doc) });
  }
  for (const form of ws.formsModel.forms) {
    for (const response of form.responses) {
      out.push({ where: `response ${response.id} of «${form.title}»`, text: response.email });
      for (const a of response.answers) {
        out.push({ where: `response ${response.id} of «${form.title}»`, text: [a.value].flat().join('\n') });
      }
    }
    for (const item of form.items) {
      out.push({ where: `form «${form.title}» item «${item.title}»`, text: [item.title, ...item.choices].join('\n') });
    }
  }
  return out;
}

/** Where any of the texts (lower case) is found. */
function found(ws: Workspace, wanted: string[]): string[] {
  return everything(ws)
    .filter(({ text }) => wanted.some((w) => text.toLowerCase().replace(/\s+/g, ' ').includes(w)))
    .map(({ where, text }) => `${where}: ${text.slice(0, 120)}`);
}

const traces = (ws: Workspace, people: Person[]) => found(ws, people.flatMap(spellings));

function withdraw(ws: Workspace, email: string): void {
  const confirm = withdrawalForm({ operator: 'x' }).questions.find((q) => q.key === 'confirm')!.title;
  const run = ws.submitForm('Отзыв согласия', { [confirm]: [WITHDRAWAL_CHOICE] }, { email });
  expect(run.triggerRuns.every((t) => t.ok)).toBe(true);
}

/** A mentee questionnaire through the form: the required answers (first choices), this name and e-mail. */
function submitMentee(ws: Workspace, fullName: string, email: string): string {
  const form = ws.findForm('Анкета наставляемого');
  const fio = form.items.find((i) => i.title === 'Фамилия, имя, отчество')!;
  const answers = Object.fromEntries(
    form.items
      .filter((i) => i.required)
      .map((i) => [i.title, i.type === 'CHECKBOX' ? [i.choices[0]] : (i.choices[0] ?? '1')]),
  );
  const run = ws.submitForm('Анкета наставляемого', { ...answers, [fio.title]: fullName }, { email });
  expect(run.triggerRuns.every((t) => t.ok)).toBe(true);
  return run.responseId;
}

const bankRows = (ws: Workspace) => [...records(ws, 'Наставляемые'), ...records(ws, 'Наставники')];

function person(ws: Workspace, sheet: string, id: string): Person {
  const row = records(ws, sheet).find((r) => r.ID === id)!;
  return { id, fullName: row['ФИО'], email: row.Email };
}

describe('withdrawal of consent', () => {
  test('leaves neither the name nor the e-mail of a mentee and a mentor anywhere', async () => {
    const ws = await demo();
    const pairs = records(ws, 'Пары и группы').filter((p) => p['Статус'] === 'утверждено');
    const mentee = person(ws, 'Наставляемые', pairs[0]['ID наставляемых'].split(/[;,]\s*/)[0]);
    const mentor = person(ws, 'Наставники', pairs[1]['ID наставника']);
    // Should a namesake exist (demo people have names of their own), it withdraws too, so that no one
    // else has the name (a namesake who stays keeps it: see the next test).
    const namesakes = bankRows(ws)
      .filter((r) => [mentee, mentor].some((p) => p.fullName === r['ФИО'] && p.email !== r.Email))
      .map((r) => ({ id: r.ID, fullName: r['ФИО'], email: r.Email }));
    const people = [mentee, mentor, ...namesakes];
    // The demo put them everywhere: the pairs order, programs, consents, the report, the forms.
    const before = traces(ws, people);
    for (const place of [
      'sheet «Программы»',
      'sheet «Мониторинг»',
      'Doc «',
      'PDF',
      'Drive name',
      'response',
      'form «Отчёт о встрече',
    ]) {
      expect(before.some((t) => t.startsWith(place))).toBe(true);
    }
    // Staff made the consent question optional; the add-on empties the row, Forms kept the response.
    const form = ws.formApp().openById(ws.findForm('Анкета наставляемого').id);
    const consent = form.getItems().find((i) => i.getTitle().startsWith('Согласие'))!;
    consent.asCheckboxItem().setRequired(false);
    const fio = ws.findForm('Анкета наставляемого').items.find((i) => i.title === 'Фамилия, имя, отчество')!;
    const answers = Object.fromEntries(
      ws
        .findForm('Анкета наставляемого')
        .items.filter((i) => i.required)
        .map((i) => [i.title, i.type === 'CHECKBOX' ? [i.choices[0]] : (i.choices[0] ?? '1')]),
    );
    const { responseId } = ws.submitForm(
      'Анкета наставляемого',
      { ...answers, [fio.title]: mentee.fullName },
      { email: mentee.email },
    );
    // Answers without consent leave Google Forms at once, not only at a withdrawal.
    expect(ws.findForm('Анкета наставляемого').responses.some((r) => r.id === responseId)).toBe(false);

    for (const p of people) withdraw(ws, p.email);

    expect(traces(ws, people)).toEqual([]);
    const log = records(ws, 'Журнал').map((r) => Object.values(r).join(' '));
    for (const p of people) expect(log.some((line) => line.includes(p.id))).toBe(true);
  });

  test('a namesake who stays keeps their data; the places only the mentor had are cleared', async () => {
    const ws = await demo();
    // A mentor of an approved pair gets a namesake: a new teacher with the same full name (and another
    // e-mail) answers the mentee questionnaire, and her consent is drawn up.
    const pair = records(ws, 'Пары и группы').find((p) => p['Статус'] === 'утверждено')!;
    const mentor = person(ws, 'Наставники', pair['ID наставника']);
    const namesakeEmail = 'tezka.novaya@school2.example';
    submitMentee(ws, mentor.fullName, namesakeEmail);
    const namesake = records(ws, 'Наставляемые').find((r) => r.Email === namesakeEmail)!;
    expect(namesake['ФИО']).toBe(mentor.fullName);
    generateDocuments(ws, { kind: 'consentPersonalData' });

    withdraw(ws, mentor.email);

    expect(records(ws, 'Наставляемые').find((r) => r.ID === namesake.ID)).toMatchObject({
      ФИО: mentor.fullName,
      Email: namesake.Email,
    });
    const consent = records(ws, 'Документы').find(
      (r) => r['Связано с'] === namesake.ID && r['Вид'] === 'Согласие на обработку ПДн',
    );
    expect(consent?.['Название']).toContain(mentor.fullName);
    // What names the mentor for certain is gone: her e-mail, her pair's choice, her pair's row.
    const left = found(
      ws,
      [mentor.email, `${pair.ID} — ${mentor.fullName}`].map((t) => t.toLowerCase()),
    );
    expect(left).toEqual([]);
    expect(records(ws, 'Пары и группы').find((r) => r.ID === pair.ID)!['Наставник']).toBe('Отозвано согласие');
    // The cells that cannot be told apart are listed for the curator, without the name.
    const line = records(ws, 'Журнал')
      .map((r) => Object.values(r).join(' '))
      .find((l) => l.includes(mentor.id))!;
    expect(line).toMatch(/проверьте вручную: лист «Методическая копилка», строка \d+, столбец «Автор»/);
    expect(line).not.toContain(mentor.fullName);
  });
});
