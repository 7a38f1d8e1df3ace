/** Issue 17 point 5: the roadmap refuses bad dates and links, and «Выполнено» needs evidence to count. */
import { cellOf, records, ROADMAP, rowOf, setUpWorkspace } from './workspace';
import { progressReport } from './api';

const EVIDENCE = 'Подтверждение (ссылка)';
const YELLOW = '#fff2cc';

describe('what staff may type on «Дорожная карта»', () => {
  test('«вчера» as a start, «31.13.2027» as a deadline, «протокол у завуча» as evidence are refused', async () => {
    const ws = await setUpWorkspace();
    const before = records(ws, ROADMAP).find((r) => r['№'] === '1.3')!;
    expect(() => ws.edit(ROADMAP, cellOf(ws, 'Срок начала', '1.3'), 'вчера')).toThrow(
      /ячейка D\d+: Недопустимое значение «вчера»\. Введите дату с 01\.01\.2026 по 31\.12\.2027\. «Срок начала»: введите дату в виде ДД\.ММ\.ГГГГ/,
    );
    expect(() => ws.edit(ROADMAP, cellOf(ws, 'Срок окончания', '1.3'), '31.13.2027')).toThrow(
      /Недопустимое значение «31\.13\.2027»/,
    );
    expect(() => ws.edit(ROADMAP, cellOf(ws, EVIDENCE, '1.3'), 'протокол у завуча')).toThrow(
      /Недопустимое значение «протокол у завуча»\. Введите ссылку.*вставьте ссылку на документ/,
    );
    expect(records(ws, ROADMAP).find((r) => r['№'] === '1.3')).toEqual(before);
    ws.edit(ROADMAP, cellOf(ws, 'Срок окончания', '1.3'), '15.12.2026');
    ws.edit(ROADMAP, cellOf(ws, EVIDENCE, '1.3'), 'https://docs.google.com/document/d/1abc/edit');
    const after = records(ws, ROADMAP).find((r) => r['№'] === '1.3')!;
    expect(after['Срок окончания']).toBe('15.12.2026');
    expect(after[EVIDENCE]).toBe('https://docs.google.com/document/d/1abc/edit');
  });

  test('«Выполнено» without evidence is highlighted, not counted, and named in the sidebar report and «Сводка»', async () => {
    const ws = await setUpWorkspace();
    const before = progressReport(ws);
    ws.edit(ROADMAP, cellOf(ws, 'Статус', '1.3'), 'Выполнено');
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1.3')}`).background).toBe(YELLOW);
    const after = progressReport(ws);
    expect(after.overall.done).toBe(before.overall.done);
    expect(after.overall.unconfirmed).toBe(before.unconfirmed.length + 1);
    expect(after.unconfirmed.map((i) => i.no)).toContain('1.3');
    const summary = ws.values('Сводка')!;
    const heading = summary.findIndex((r) => r[0].startsWith('Выполнено без подтверждения'));
    expect(heading).toBeGreaterThan(0);
    expect(summary[heading + 1][1]).toContain('столбце «Подтверждение (ссылка)» нет ссылки');
    expect(summary.slice(heading + 2).some((r) => r[0] === '1.3')).toBe(true);

    ws.edit(ROADMAP, cellOf(ws, EVIDENCE, '1.3'), 'https://school2.example/protokol-1.pdf');
    expect(ws.format(ROADMAP, `C${rowOf(ws, '1.3')}`).background).toBe('#eeeeee');
    const fixed = progressReport(ws);
    expect(fixed.overall.done).toBe(before.overall.done + 1);
  });
});
