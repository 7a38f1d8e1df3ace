import { composeDigest, digestSubject, type Digest, type ReminderItem } from '../../src/domain/reminders';

const CTX = {
  school: 'МОУ «КСОШ № 2»',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  todayIso: '2027-05-14',
};

const OVERDUE_1: ReminderItem = {
  key: 'roadmap:1.6',
  kind: 'overdue',
  title: '1.6 Административное совещание по вопросам реализации целевой модели наставничества',
  due: '2027-05-10',
  source: 'Дорожная карта',
  to: ['olga@school.ru'],
};
const OVERDUE_2: ReminderItem = {
  key: 'program:ПР-0001:A3',
  kind: 'overdue',
  title: 'Посещение урока наставника',
  due: '2027-05-12',
  source: 'Программа П-0001',
  to: ['olga@school.ru'],
};
const SOON: ReminderItem = {
  key: 'roadmap:6.1',
  kind: 'soon',
  title: '6.1 Мониторинг качества реализации программ наставничества (анкетирование)',
  due: '2027-05-20',
  source: 'Дорожная карта',
  to: ['olga@school.ru'],
};
const MONITORING: ReminderItem = {
  key: 'monitoring:НС-0001:П-0001',
  kind: 'monitoring',
  title: 'Анкета наставляемого по программе П-0001',
  due: '',
  source: 'Мониторинг',
  to: ['olga@school.ru'],
  link: 'https://docs.google.com/forms/d/e/xyz/viewform?entry.1=НС-0001',
};

const digest = (items: ReminderItem[]): Digest => ({ to: 'olga@school.ru', items });

describe('subject', () => {
  test.each([
    [[OVERDUE_1, OVERDUE_2, SOON], 'Наставничество: 2 просроченных, 1 скоро срок'],
    [[OVERDUE_1], 'Наставничество: 1 просроченное'],
    [[SOON], 'Наставничество: 1 скоро срок'],
    [[MONITORING], 'Наставничество: 1 анкета'],
    [[SOON, MONITORING, { ...MONITORING, key: 'm2' }], 'Наставничество: 1 скоро срок, 2 анкеты'],
    [[], 'Наставничество: напоминание'],
  ])('%#: %s', (items, subject) => {
    expect(digestSubject(digest(items))).toBe(subject);
  });
});

describe('body', () => {
  const { subject, body } = composeDigest(digest([OVERDUE_1, OVERDUE_2, SOON, MONITORING]), CTX);
  const lines = body.split('\n');

  test('the subject is the digest subject', () => {
    expect(subject).toBe('Наставничество: 2 просроченных, 1 скоро срок, 1 анкета');
  });

  test('greeting and purpose first', () => {
    expect(lines[0]).toBe('Здравствуйте!');
    expect(body).toContain('Напоминание о мероприятиях программы наставничества (МОУ «КСОШ № 2») на 14.05.2027.');
  });

  test('grouped lists in order, one line per item with its deadline and source', () => {
    const at = (text: string) => lines.indexOf(text);
    expect(at('Просрочено:')).toBeGreaterThan(0);
    expect(lines.slice(at('Просрочено:') + 1, at('Просрочено:') + 3)).toEqual([
      '• 1.6 Административное совещание по вопросам реализации целевой модели наставничества — срок 10.05.2027 (Дорожная карта)',
      '• Посещение урока наставника — срок 12.05.2027 (Программа П-0001)',
    ]);
    expect(at('Срок в ближайшие дни:')).toBeGreaterThan(at('Просрочено:'));
    expect(lines[at('Срок в ближайшие дни:') + 1]).toBe(
      '• 6.1 Мониторинг качества реализации программ наставничества (анкетирование) — срок 20.05.2027 (Дорожная карта)',
    );
    expect(at('Мониторинг: просим заполнить анкету')).toBeGreaterThan(at('Срок в ближайшие дни:'));
  });

  test('a monitoring item carries the personal form link and no deadline', () => {
    const i = lines.indexOf('Мониторинг: просим заполнить анкету');
    expect(lines[i + 1]).toBe('• Анкета наставляемого по программе П-0001 (Мониторинг)');
    expect(lines[i + 2]).toBe('  Ссылка на анкету:');
    // The address alone on its line, so a plain-text mail client shows it whole.
    expect(lines[i + 3]).toBe(`  ${MONITORING.link}`);
  });

  test('the spreadsheet link and how to switch reminders off', () => {
    expect(body).toContain(`Таблица наставничества:\n  ${CTX.spreadsheetUrl}`);
    expect(body).toContain('«Настройки»');
    expect(body).toContain('«Напоминания: включены»');
    expect(body).toMatch(/значение «нет»\.$/);
  });

  test('short plain text: no HTML, a few dozen lines at most', () => {
    expect(body).not.toMatch(/<[a-z]/i);
    expect(lines.length).toBeLessThan(30);
  });
});

describe('the HTML body', () => {
  const { htmlBody } = composeDigest(digest([OVERDUE_1, MONITORING]), CTX);

  test('links are short named links; the addresses appear only in href', () => {
    expect(htmlBody).toContain(`<a href="${MONITORING.link!.replace(/&/g, '&amp;')}">Открыть анкету</a>`);
    expect(htmlBody).toContain(`<a href="${CTX.spreadsheetUrl}">Открыть таблицу</a>`);
    const visible = htmlBody.replace(/<[^>]*>/g, '');
    expect(visible).not.toContain('http');
    expect(visible).toContain('Здравствуйте!');
  });
});

describe('only what is in the digest', () => {
  test('empty groups are left out', () => {
    const { body } = composeDigest(digest([SOON]), CTX);
    expect(body).not.toContain('Просрочено');
    expect(body).not.toContain('Мониторинг: просим');
    expect(body).toContain('Срок в ближайшие дни:');
  });

  test('titles stay on one line; no spreadsheet line without a link', () => {
    const messy = { ...SOON, title: '6.2 Школьная\nконференция   или семинар' };
    const { body } = composeDigest(digest([messy]), { ...CTX, spreadsheetUrl: '' });
    expect(body).toContain('• 6.2 Школьная конференция или семинар — срок 20.05.2027 (Дорожная карта)');
    expect(body).not.toContain('Таблица наставничества');
  });

  test('nothing but the items: no keys, no other recipients', () => {
    const { body } = composeDigest(digest([{ ...SOON, to: ['olga@school.ru', 'secret@school.ru'] }]), CTX);
    expect(body).not.toContain('roadmap:6.1');
    expect(body).not.toContain('secret@school.ru');
  });
});
