/** «Итоги года»: the pure rules — event order and badges, the news button, practice validation, the figures' format. */
import type { QuestionFigure } from '../../src/domain/monitoring/types';
import type { EventView } from '../../src/contract/serverApi';
import {
  buildPractice,
  decimal,
  EMPTY_PRACTICE,
  eventBadge,
  MAX_TITLE,
  newsState,
  percentOf,
  practiceBadge,
  practiceProblems,
  questionGroups,
  scoreWidth,
  sortEvents,
} from '../../sidebar/yearModel';

function ev(id: string, date: string, over: Partial<EventView> = {}): EventView {
  return { id, date, kind: 'Семинар', topic: `Тема ${id}`, held: true, publications: 0, newsUrl: '', ...over };
}

describe('sortEvents', () => {
  test('newest first, undated last, ties in the given order; the input is not changed', () => {
    const list = [ev('a', '2026-10-01'), ev('b', ''), ev('c', '2027-03-15'), ev('d', '2026-10-01'), ev('e', '')];
    const copy = list.slice();
    expect(sortEvents(list).map((e) => e.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
    expect(list).toEqual(copy);
  });
  test('a missing list is empty', () => {
    expect(sortEvents(null)).toEqual([]);
    expect(sortEvents(undefined)).toEqual([]);
  });
});

describe('badges', () => {
  test('a held event without a publication is a warning; published; planned', () => {
    expect(eventBadge({ held: true, publications: 0 })).toEqual({ label: 'без публикации', cls: 'chip chip-warn' });
    expect(eventBadge({ held: true, publications: 2 })).toEqual({ label: 'опубликовано', cls: 'chip chip-ok' });
    expect(eventBadge({ held: false, publications: 0 })).toEqual({ label: 'запланировано', cls: 'chip' });
  });
  test('practice statuses', () => {
    expect(practiceBadge('предложена')).toEqual({ label: 'предложена', cls: 'chip' });
    expect(practiceBadge('одобрена')).toEqual({ label: 'одобрена', cls: 'chip chip-new' });
    expect(practiceBadge('опубликована')).toEqual({ label: 'опубликована', cls: 'chip chip-ok' });
  });
});

describe('newsState', () => {
  test('no draft yet: «Подготовить новость», no link', () => {
    expect(newsState({ newsUrl: '' })).toEqual({ url: null, button: 'Подготовить новость' });
  });
  test('a draft on the sheet, or made in this session (which wins): «Обновить черновик» and the link', () => {
    expect(newsState({ newsUrl: 'https://docs.google.com/d/1' })).toEqual({
      url: 'https://docs.google.com/d/1',
      button: 'Обновить черновик',
    });
    expect(newsState({ newsUrl: 'https://docs.google.com/d/1' }, 'https://docs.google.com/d/2').url).toBe(
      'https://docs.google.com/d/2',
    );
    expect(newsState({ newsUrl: '' }, 'https://docs.google.com/d/2').button).toBe('Обновить черновик');
  });
  test('a link that is not http(s) is not shown', () => {
    expect(newsState({ newsUrl: 'javascript:alert(1)' })).toEqual({ url: null, button: 'Подготовить новость' });
  });
});

describe('practiceProblems / buildPractice', () => {
  const ok = { ...EMPTY_PRACTICE, title: 'Урок-исследование', author: 'Иванова И. И.' };
  test('title and author are required (spaces do not count)', () => {
    expect(practiceProblems(EMPTY_PRACTICE)).toEqual({
      title: 'Укажите название практики.',
      author: 'Укажите автора практики.',
    });
    expect(practiceProblems({ ...ok, title: '   ' })).toEqual({ title: 'Укажите название практики.' });
    expect(practiceProblems(ok)).toEqual({});
  });
  test('a title longer than the limit', () => {
    expect(practiceProblems({ ...ok, title: 'я'.repeat(MAX_TITLE + 1) }).title).toBe(
      `Не длиннее ${MAX_TITLE} символов (сейчас ${MAX_TITLE + 1}).`,
    );
    expect(practiceProblems({ ...ok, title: 'я'.repeat(MAX_TITLE) })).toEqual({});
  });
  test('the materials link is optional but must be http(s)', () => {
    const bad = 'Ссылка должна начинаться с http:// или https://.';
    expect(practiceProblems({ ...ok, materials: '' })).toEqual({});
    expect(practiceProblems({ ...ok, materials: 'https://drive.google.com/x' })).toEqual({});
    expect(practiceProblems({ ...ok, materials: ' http://school.ru/p ' })).toEqual({});
    expect(practiceProblems({ ...ok, materials: 'drive.google.com/x' })).toEqual({ materials: bad });
    expect(practiceProblems({ ...ok, materials: 'ftp://x.ru' })).toEqual({ materials: bad });
    expect(practiceProblems({ ...ok, materials: 'https://' })).toEqual({ materials: bad });
  });
  test('the request is trimmed', () => {
    expect(
      buildPractice({
        title: '  Урок  ',
        author: ' Иванова ',
        competence: 'Оценивание ',
        description: ' Описание\n',
        materials: ' https://x.ru ',
      }),
    ).toEqual({
      title: 'Урок',
      author: 'Иванова',
      competence: 'Оценивание',
      description: 'Описание',
      materials: 'https://x.ru',
    });
  });
});

describe('figures', () => {
  test('percentOf: whole percentage, 0 of nothing', () => {
    expect(percentOf(15, 20)).toBe(75);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(3, 0)).toBe(0);
    expect(percentOf(-1, 4)).toBe(0);
  });
  test('scoreWidth: a 1–10 score as %, clamped; null is 0', () => {
    expect(scoreWidth(7.5)).toBe(75);
    expect(scoreWidth(10)).toBe(100);
    expect(scoreWidth(12)).toBe(100);
    expect(scoreWidth(null)).toBe(0);
    expect(scoreWidth(NaN)).toBe(0);
  });
  test('decimal: Russian comma, one decimal, dash for none', () => {
    expect(decimal(8.44)).toBe('8,4');
    expect(decimal(9)).toBe('9');
    expect(decimal(null)).toBe('—');
  });
  test('questionGroups: mentees first, empty groups left out', () => {
    const q = (key: string, role: QuestionFigure['role']): QuestionFigure => ({
      key,
      title: key,
      role,
      average: 5,
      answers: 1,
    });
    expect(questionGroups([q('a', 'mentor'), q('b', 'mentee'), q('c', 'mentor')])).toEqual([
      { title: 'Наставляемые', items: [q('b', 'mentee')] },
      { title: 'Наставники', items: [q('a', 'mentor'), q('c', 'mentor')] },
    ]);
    expect(questionGroups([q('a', 'mentor')]).map((g) => g.title)).toEqual(['Наставники']);
    expect(questionGroups(null)).toEqual([]);
  });
});
