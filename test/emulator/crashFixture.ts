/**
 * What the crash tests of Workspace.save() do to a workspace and what they check afterwards: a new
 * mentee answers the questionnaire (a response in forms.json, a row on the response sheet, a bank row
 * by the trigger) and gets a numbered consent document (a register row, a Doc in drive.json, the
 * number counter). Shared by the test and the child process it kills (crashChild.ts).
 */
import { CONSENT_CHOICE, menteeForm } from '../../src/domain/questionnaires';
import type { Workspace } from '../../workspace/workspace';
import { api } from '../integration/api';

export const NOW = '2026-11-25T10:00:00+03:00';
const MENTEE_FORM = 'Анкета наставляемого';
const REGISTER = 'Документы';

/** Answers by question key → by the titles the respondent sees. */
function menteeAnswers(fullName: string): Record<string, string | string[]> {
  const def = menteeForm({ operator: 'x' });
  const byKey: Record<string, string | string[]> = {
    fullName,
    position: 'Учитель',
    subjects: ['Математика'],
    experience: '2',
    category: 'Без категории',
    requests: ['Оценивание образовательных результатов'],
    formatKind: 'Индивидуальная (пара)',
    mode: 'Очно',
    consent: [CONSENT_CHOICE],
  };
  return Object.fromEntries(Object.entries(byKey).map(([k, v]) => [def.questions.find((q) => q.key === k)!.title, v]));
}

/** A new mentee answers the questionnaire, then every consent document is (re)generated. */
export function addMentee(ws: Workspace, n: number): void {
  ws.submitForm(MENTEE_FORM, menteeAnswers(`Новикова${n} Анна Сергеевна`), { email: `new${n}@school2.example` });
  let progress = api(ws, 'generateDocuments', { kind: 'consentPersonalData' });
  for (let guard = 0; !progress.finished; guard++) {
    if (guard > 100) throw new Error('batch never finished');
    progress = api(ws, 'continueDocuments', progress.jobId);
  }
}

/** A workspace set up with the questionnaires and two mentees who have their documents. */
export function setUpBaseline(ws: Workspace): void {
  ws.run('setupSchoolYear', {
    school: 'МБОУ «СОШ № 2»',
    startYear: 2026,
    director: 'Петров Пётр Петрович',
    curator: 'Орлова Ирина Павловна',
  });
  ws.run('setupQuestionnaires');
  addMentee(ws, 1);
  addMentee(ws, 2);
}

export interface Snapshot {
  /** Responses FormApp stored for the mentee questionnaire. */
  responses: number;
  /** Response rows on its response sheet. */
  responseRows: number;
  /** Register rows: document number and Doc id. */
  register: Array<{ number: string; docId: string }>;
}

export function snapshot(ws: Workspace): Snapshot {
  const form = ws.forms().find((f) => f.title === MENTEE_FORM)!;
  const [header, ...rows] = ws.values(REGISTER)!;
  const no = header.indexOf('№');
  const link = header.indexOf('Документ (ссылка)');
  return {
    responses: form.responses,
    responseRows: ws.values(form.responseSheet!)!.length - 1,
    register: rows.map((r) => ({ number: r[no], docId: /\/d\/([^/]+)/.exec(r[link])?.[1] ?? '' })),
  };
}
