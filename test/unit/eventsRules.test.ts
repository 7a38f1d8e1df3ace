import {
  EVENT_KINDS,
  eventClosesActivity,
  isHeld,
  looksLikeLink,
  nextId,
  normalizePracticeStatus,
  PRACTICE_STATUSES,
  roadmapNoOfKind,
  roadmapUpdates,
  unpublishedEvents,
  type Publication,
  type SchoolEvent,
} from '../../src/domain/events';
import { ROADMAP } from '../../src/domain/roadmap';

const TODAY = '2027-05-14';
const LINK = 'https://drive.google.com/file/d/abc/view';

function event(over: Partial<SchoolEvent>): SchoolEvent {
  return {
    id: 'М-001',
    date: '2027-05-10',
    kind: 'Семинар',
    topic: 'Наставничество: первые итоги',
    responsible: 'Смирнова О. В.',
    participantsCount: 12,
    participants: '',
    evidence: LINK,
    roadmapNo: '6.2',
    ...over,
  };
}

function publication(about: string): Publication {
  return { date: '2027-05-15', about, channel: 'сайт — «Методическая работа»', title: 'Новость', link: LINK };
}

describe('kinds', () => {
  test('each kind maps to its roadmap activity', () => {
    expect(EVENT_KINDS.map((k) => [k.title, k.roadmapNo])).toEqual([
      ['Педагогический совет', '1.3'],
      ['Административное совещание', '1.6'],
      ['Обучение наставников', '4.2.1'],
      ['Консультация для наставников', '4.2.2'],
      ['Психолого-педагогическая консультация', '5.3'],
      ['Школьная конференция', '6.2'],
      ['Семинар', '6.2'],
      ['Круглый стол по лучшим практикам', '6.3'],
      ['Мастер-класс', ''],
      ['Другое', ''],
    ]);
  });

  test('every roadmap number of a kind exists in the roadmap template', () => {
    const nos = new Set(ROADMAP.flatMap((s) => s.activities.map((a) => a.no)));
    for (const k of EVENT_KINDS.filter((k) => k.roadmapNo)) expect(nos.has(k.roadmapNo)).toBe(true);
  });

  test.each([
    ['Педагогический совет', '1.3'],
    ['  педагогический   СОВЕТ ', '1.3'],
    ['семинар', '6.2'],
    ['КРУГЛЫЙ СТОЛ ПО ЛУЧШИМ ПРАКТИКАМ', '6.3'],
    ['Мастер-класс', ''],
    ['Открытый урок', ''],
    ['', ''],
  ])('roadmapNoOfKind(%j) → %j', (kind, no) => {
    expect(roadmapNoOfKind(kind)).toBe(no);
  });

  test('ё and е are the same letter', () => {
    expect(roadmapNoOfKind('Педагогический совёт')).toBe('1.3');
    expect(roadmapNoOfKind('Обучёние наставников')).toBe('4.2.1');
  });
});

describe('links', () => {
  test.each([
    ['https://drive.google.com/file/d/abc/view', true],
    ['  http://school2.ru/metod/news-14 ', true],
    ['HTTPS://SCHOOL.RU', true],
    ['drive.google.com/file/d/abc', false],
    ['https://', false],
    ['https://school ru', false],
    ['ftp://school.ru/x', false],
    ['протокол № 3', false],
    ['', false],
  ])('%j → %s', (text, ok) => {
    expect(looksLikeLink(text)).toBe(ok);
  });
});

describe('closing an activity', () => {
  test('held, with a link and a roadmap number: closes', () => {
    expect(eventClosesActivity(event({}), TODAY)).toBe(true);
    expect(eventClosesActivity(event({ date: TODAY }), TODAY)).toBe(true);
    expect(eventClosesActivity(event({ date: '14.05.2027' }), TODAY)).toBe(true);
  });

  test('a future date, no date, no link or no number: does not close', () => {
    expect(eventClosesActivity(event({ date: '2027-05-15' }), TODAY)).toBe(false);
    expect(eventClosesActivity(event({ date: '' }), TODAY)).toBe(false);
    expect(eventClosesActivity(event({ date: 'в мае' }), TODAY)).toBe(false);
    expect(eventClosesActivity(event({ evidence: '' }), TODAY)).toBe(false);
    expect(eventClosesActivity(event({ evidence: 'протокол № 3 от 10.05.2027' }), TODAY)).toBe(false);
    expect(eventClosesActivity(event({ roadmapNo: '  ' }), TODAY)).toBe(false);
  });

  test('isHeld: date set and not after today', () => {
    expect(isHeld({ date: '2027-05-13' }, TODAY)).toBe(true);
    expect(isHeld({ date: TODAY }, TODAY)).toBe(true);
    expect(isHeld({ date: '2027-05-15' }, TODAY)).toBe(false);
    expect(isHeld({ date: '' }, TODAY)).toBe(false);
  });
});

describe('roadmapUpdates', () => {
  const roadmap = [
    { no: '1.3', status: 'Не начато', manual: false },
    { no: '4.2.1', status: 'В работе', manual: false },
    { no: '5.3', status: 'в работе', manual: true },
    { no: '6.2', status: '', manual: false },
    { no: '6.3', status: 'Выполнено', manual: false },
    { no: '7.1', status: 'отменено', manual: false },
  ];

  test('marks the open activities with a closing event; evidence of the earliest event', () => {
    const events = [
      event({ id: 'М-003', date: '2027-04-20', roadmapNo: '6.2', evidence: 'https://school.ru/late' }),
      event({ id: 'М-002', date: '2027-03-02', roadmapNo: '6.2', evidence: 'https://school.ru/early' }),
      event({ id: 'М-001', date: '2027-02-10', roadmapNo: '1.3', kind: 'Педагогический совет' }),
    ];
    expect(roadmapUpdates(events, roadmap, TODAY)).toEqual([
      { no: '1.3', evidence: LINK, eventId: 'М-001' },
      { no: '6.2', evidence: 'https://school.ru/early', eventId: 'М-002' },
    ]);
  });

  test('an earlier event without a link does not win over a later one with it', () => {
    const events = [
      event({ id: 'М-002', date: '2027-04-01', evidence: 'https://school.ru/ok' }),
      event({ id: 'М-001', date: '2027-03-01', evidence: 'см. протокол' }),
    ];
    expect(roadmapUpdates(events, roadmap, TODAY)).toEqual([
      { no: '6.2', evidence: 'https://school.ru/ok', eventId: 'М-002' },
    ]);
  });

  test('done, cancelled and manual activities are left alone', () => {
    const events = [
      event({ id: 'М-001', roadmapNo: '5.3' }),
      event({ id: 'М-002', roadmapNo: '6.3' }),
      event({ id: 'М-003', roadmapNo: '7.1' }),
    ];
    expect(roadmapUpdates(events, roadmap, TODAY)).toEqual([]);
  });

  test('future events, events without a number and unknown numbers change nothing', () => {
    const events = [
      event({ id: 'М-001', roadmapNo: '4.2.1', date: '2027-05-20' }),
      event({ id: 'М-002', roadmapNo: '' }),
      event({ id: 'М-003', roadmapNo: '9.9' }),
    ];
    expect(roadmapUpdates(events, roadmap, TODAY)).toEqual([]);
    expect(roadmapUpdates([event({ roadmapNo: ' 4.2.1. ' })], roadmap, TODAY)).toEqual([
      { no: '4.2.1', evidence: LINK, eventId: 'М-001' },
    ]);
  });
});

describe('unpublished events', () => {
  test('held events with no publication about their id', () => {
    const events = [
      event({ id: 'М-001', date: '2027-03-01' }),
      event({ id: 'М-002', date: '2027-04-01' }),
      event({ id: 'М-003', date: '2027-05-01' }),
      event({ id: 'М-004', date: '2027-06-01' }),
    ];
    const publications = [publication(' м-001 '), publication('6.2'), publication('М-003')];
    expect(unpublishedEvents(events, publications, TODAY).map((e) => e.id)).toEqual(['М-002']);
  });

  test('with no publications every held event is listed', () => {
    const events = [event({ id: 'М-001' }), event({ id: 'М-002', date: '' })];
    expect(unpublishedEvents(events, [], TODAY).map((e) => e.id)).toEqual(['М-001']);
  });
});

describe('ids', () => {
  test('first id, max + 1, gaps kept', () => {
    expect(nextId('М', [])).toBe('М-001');
    expect(nextId('М', ['М-001', 'М-002'])).toBe('М-003');
    expect(nextId('М', ['М-007', 'М-002', ''])).toBe('М-008');
    expect(nextId('М', [' м-010 '])).toBe('М-011');
  });

  test('other prefixes and malformed ids are ignored', () => {
    expect(nextId('М', ['МП-050', 'М-abc', 'М-', 'xМ-099', 'М-004'])).toBe('М-005');
    expect(nextId('МП', ['М-050', 'МП-001'])).toBe('МП-002');
    expect(nextId('МП-', ['МП-009'])).toBe('МП-010');
  });

  test('grows past 999', () => {
    expect(nextId('М', ['М-999'])).toBe('М-1000');
    expect(nextId('М', ['М-1000', 'М-999'])).toBe('М-1001');
  });
});

describe('practice statuses', () => {
  test('the list', () => {
    expect(PRACTICE_STATUSES).toEqual(['предложена', 'одобрена', 'опубликована']);
  });

  test.each([
    ['предложена', 'предложена'],
    [' Одобрена ', 'одобрена'],
    ['ОПУБЛИКОВАНА', 'опубликована'],
    ['одобрено', 'одобрена'],
    ['опубликован', 'опубликована'],
    ['', 'предложена'],
    ['не одобрена', null],
    ['готово', null],
  ])('%j → %j', (text, status) => {
    expect(normalizePracticeStatus(text)).toBe(status);
  });
});
