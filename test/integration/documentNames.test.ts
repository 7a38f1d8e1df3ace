/**
 * Names in correct Russian in the generated documents, on the built bundle: the case the sentence
 * needs with initials («Куратору … Смирновой О. В.»), initials under signatures, a name typed in lower
 * case capitalised, and the curator's correction on «Склонения» used.
 */
import type { Workspace } from '../../workspace/workspace';
import type { GenerateRequest } from '../../src/contract/serverApi';
import { DEMO_SCHOOL } from '../../workspace/demo/demoSchool';
import { columnOf, generateDocuments, records, useDemoSchool } from './workspace';
import { api } from './api';

const demo = useDemoSchool('documentNames');
const PAIRS = 'Пары и группы';
const CURATOR_TEXT = 'Куратору реализации системы наставничества педагогических работников';

function generate(ws: Workspace, request: GenerateRequest): string {
  const progress = generateDocuments(ws, request);
  const url = progress.results[progress.results.length - 1].docUrl;
  return ws.docText(/\/d\/([^/]+)/.exec(url)![1]);
}

describe('names in documents', () => {
  test('the pairs order declines the curator with initials, signs with initials, capitalises a typed name', async () => {
    const ws = await demo();
    expect(DEMO_SCHOOL.curator).toBe('Смирнова Ольга Викторовна');
    // A mentor's name typed in lower case reaches «Пары и группы».
    const row = records(ws, PAIRS).findIndex((p) => p['Статус'] === 'утверждено') + 2;
    const typed = records(ws, PAIRS)[row - 2]['Наставник'];
    ws.edit(PAIRS, `${columnOf(ws, PAIRS, 'Наставник')}${row}`, typed.toLowerCase());

    const preview = api(ws, 'previewDocuments', 'pairsOrder');
    expect(preview.fields).toEqual(
      expect.arrayContaining([
        { label: 'Куратор — кому (дательный падеж)', value: 'Смирновой О. В.' },
        { label: 'Директор — под подписью', value: 'М. П. Иванова' },
      ]),
    );
    expect(preview.nameNote).toContain('на листе «Склонения»');

    const text = generate(ws, { kind: 'pairsOrder', date: '2026-11-25' });
    expect(text).toContain(`${CURATOR_TEXT} Смирновой О. В. обеспечить`);
    expect(text).not.toContain('(Смирнова Ольга Викторовна)');
    expect(text).toContain('Директор ____________ М. П. Иванова');
    expect(text).toContain(typed);
    expect(text).not.toContain(typed.toLowerCase());
  });

  test('the regulation order: «С приказом ознакомлен(а)» with the curator’s initials', async () => {
    const ws = await demo();
    const text = generate(ws, { kind: 'regulationOrder', date: '2026-11-25' });
    expect(text).toContain('С приказом ознакомлен(а): ____________ О. В. Смирнова');
    expect(text).toContain('назначается Смирнова Ольга Викторовна.');
  });

  test('a form the curator corrects on «Склонения» is the one the order uses', async () => {
    const ws = await demo();
    ws.run('getDocumentsView');
    const sheet = records(ws, 'Склонения');
    const at = sheet.findIndex((r) => r['ФИО'] === DEMO_SCHOOL.curator) + 2;
    expect(at).toBeGreaterThan(1);
    ws.edit('Склонения', `${columnOf(ws, 'Склонения', 'Дательный (кому?)')}${at}`, 'Смирновой Ольге Викторовне');
    const preview = api(ws, 'previewDocuments', 'pairsOrder');
    expect(preview.fields).toContainEqual({
      label: 'Куратор — кому (дательный падеж)',
      value: 'Смирновой Ольге Викторовне',
    });
    const text = generate(ws, { kind: 'pairsOrder', date: '2026-11-25' });
    expect(text).toContain(`${CURATOR_TEXT} Смирновой Ольге Викторовне обеспечить`);
  });

  test('a curator without a patronymic: the preview warns that the case cannot be chosen', async () => {
    const ws = await demo();
    ws.run('setupSchoolYear', { curator: 'Орлова Ирина' });
    const preview = api(ws, 'previewDocuments', 'pairsOrder');
    expect(preview.warnings).toContainEqual(
      'На листе «Настройки» в строке «Куратор наставничества» нет отчества («Орлова Ирина»): падеж имени ' +
        'подобрать нельзя. Впишите фамилию, имя и отчество или нужную форму на листе «Склонения».',
    );
  });
});
