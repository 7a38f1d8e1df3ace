import { addDays } from '../../src/domain/dates';
import {
  logEntriesFor,
  planReminders,
  selectDue,
  type DueActivity,
  type ReminderItem,
  type ReminderSettings,
  type SendLogEntry,
} from '../../src/domain/reminders';

const TODAY = '2027-05-14';
const ON: ReminderSettings = { enabled: true, daysBefore: 3, repeatDays: 7 };

function item(over: Partial<ReminderItem> & { key: string }): ReminderItem {
  return { kind: 'soon', title: over.key, due: '2027-05-16', source: 'Дорожная карта', to: ['a@school.ru'], ...over };
}

function activity(over: Partial<DueActivity> & { key: string }): DueActivity {
  return { title: over.key, due: '', source: 'Дорожная карта', to: ['a@school.ru'], closed: false, ...over };
}

function sentLog(to: string, itemKey: string, day: string): SendLogEntry {
  return { at: `${day}T08:00:00+03:00`, day, to, itemKey };
}

describe('selectDue', () => {
  const activities = [
    activity({ key: 'roadmap:1.6', due: '2027-05-13' }),
    activity({ key: 'roadmap:4.1', due: '2027-05-14' }),
    activity({ key: 'roadmap:6.1', due: '2027-05-17' }),
    activity({ key: 'roadmap:6.2', due: '2027-05-18' }),
    activity({ key: 'roadmap:6.3', due: '2027-04-01', closed: true }),
    activity({ key: 'roadmap:7.1', due: '' }),
    activity({ key: 'roadmap:5.3', due: 'в течение года' }),
  ];

  test('overdue before today, soon from today to today + daysBefore; closed, undated and later ones dropped', () => {
    expect(selectDue(activities, TODAY, 3).map((i) => [i.key, i.kind])).toEqual([
      ['roadmap:1.6', 'overdue'],
      ['roadmap:4.1', 'soon'],
      ['roadmap:6.1', 'soon'],
    ]);
  });

  test('daysBefore 0: only today is soon', () => {
    expect(selectDue(activities, TODAY, 0).map((i) => i.key)).toEqual(['roadmap:1.6', 'roadmap:4.1']);
  });

  test('keeps title and source, normalizes the due date and the addresses', () => {
    const [i] = selectDue(
      [
        activity({
          key: 'program:ПР-0001:A3',
          title: 'Посещение урока',
          due: '15.05.2027',
          source: 'Программа П-0001',
          to: [' Mentor@School.RU ', 'mentor@school.ru', '', 'нет адреса'],
        }),
      ],
      TODAY,
      3,
    );
    expect(i).toEqual({
      key: 'program:ПР-0001:A3',
      kind: 'soon',
      title: 'Посещение урока',
      due: '2027-05-15',
      source: 'Программа П-0001',
      to: ['mentor@school.ru'],
    });
  });
});

describe('planReminders', () => {
  test('one digest per address, items overdue → soon → monitoring then by date', () => {
    const items = [
      item({ key: 'm', kind: 'monitoring', due: '', to: ['a@school.ru'] }),
      item({ key: 's2', kind: 'soon', due: '2027-05-17', to: ['a@school.ru', 'b@school.ru'] }),
      item({ key: 'o', kind: 'overdue', due: '2027-05-10', to: ['a@school.ru'] }),
      item({ key: 's1', kind: 'soon', due: '2027-05-15', to: ['a@school.ru'] }),
      item({ key: 'o0', kind: 'overdue', due: '2027-05-01', to: ['a@school.ru'] }),
    ];
    const plan = planReminders({ items, log: [], todayIso: TODAY, settings: ON, quota: 10 });
    expect(plan.deferred).toBe(0);
    expect(plan.digests.map((d) => [d.to, d.items.map((i) => i.key)])).toEqual([
      ['a@school.ru', ['o0', 'o', 's1', 's2', 'm']],
      ['b@school.ru', ['s2']],
    ]);
  });

  test('people with an overdue item first, then by address', () => {
    const items = [
      item({ key: 'x', kind: 'soon', to: ['anna@school.ru', 'boris@school.ru'] }),
      item({ key: 'y', kind: 'overdue', due: '2027-05-01', to: ['zoya@school.ru', 'boris@school.ru'] }),
      item({ key: 'z', kind: 'monitoring', due: '', to: ['cyril@school.ru'] }),
    ];
    const plan = planReminders({ items, log: [], todayIso: TODAY, settings: ON, quota: 10 });
    expect(plan.digests.map((d) => d.to)).toEqual([
      'boris@school.ru',
      'zoya@school.ru',
      'anna@school.ru',
      'cyril@school.ru',
    ]);
  });

  test('an item reminded on day D comes again on D + repeatDays, not before', () => {
    const items = [item({ key: 'k' })];
    const plan = (today: string, log: SendLogEntry[]) =>
      planReminders({ items, log, todayIso: today, settings: ON, quota: 10 }).digests.length;
    const log = [sentLog('a@school.ru', 'k', '2027-05-07')];
    expect(plan('2027-05-07', log)).toBe(0);
    expect(plan('2027-05-13', log)).toBe(0);
    expect(plan('2027-05-14', log)).toBe(1);
    // The log is read per address and case-insensitively; another person's send does not count.
    expect(plan('2027-05-13', [sentLog(' A@School.ru ', 'k', '2027-05-07')])).toBe(0);
    expect(plan('2027-05-13', [sentLog('b@school.ru', 'k', '2027-05-13')])).toBe(1);
    // The latest send counts, whatever the log's order.
    expect(plan('2027-05-14', [sentLog('a@school.ru', 'k', '2027-05-10'), ...log])).toBe(0);
  });

  test('repeatDays below 1 still never sends the same item twice a day', () => {
    const items = [item({ key: 'k' })];
    const settings = { ...ON, repeatDays: 0 };
    const log = [sentLog('a@school.ru', 'k', TODAY)];
    expect(planReminders({ items, log, todayIso: TODAY, settings, quota: 10 }).digests).toEqual([]);
    expect(planReminders({ items, log, todayIso: addDays(TODAY, 1), settings, quota: 10 }).digests).toHaveLength(1);
  });

  test('a partly reminded person gets only the items not reminded lately', () => {
    const items = [item({ key: 'old' }), item({ key: 'new' })];
    const log = [sentLog('a@school.ru', 'old', '2027-05-12')];
    const plan = planReminders({ items, log, todayIso: TODAY, settings: ON, quota: 10 });
    expect(plan.digests.map((d) => d.items.map((i) => i.key))).toEqual([['new']]);
  });

  test('empty and invalid addresses are skipped; addresses are lower-cased; duplicates merged', () => {
    const items = [
      item({ key: 'a', to: ['', '   ', 'не почта', 'x@y', ' Olga@School.RU '] }),
      item({ key: 'b', to: [] }),
      item({ key: 'a', to: ['olga@school.ru'] }),
    ];
    const plan = planReminders({ items, log: [], todayIso: TODAY, settings: ON, quota: 10 });
    expect(plan.digests).toEqual([{ to: 'olga@school.ru', items: [items[0]] }]);
  });

  test('disabled: no letters at all', () => {
    const items = [item({ key: 'k', kind: 'overdue', due: '2027-05-01' })];
    expect(planReminders({ items, log: [], todayIso: TODAY, settings: { ...ON, enabled: false }, quota: 10 })).toEqual({
      digests: [],
      deferred: 0,
    });
  });

  test('quota smaller than the people: the most urgent first, the rest deferred and sent the next day', () => {
    const items = [
      item({ key: 'k1', kind: 'soon', to: ['anna@school.ru', 'boris@school.ru'] }),
      item({ key: 'k2', kind: 'overdue', due: '2027-05-01', to: ['vera@school.ru'] }),
    ];
    const day1 = planReminders({ items, log: [], todayIso: TODAY, settings: ON, quota: 2 });
    expect(day1.digests.map((d) => d.to)).toEqual(['vera@school.ru', 'anna@school.ru']);
    expect(day1.deferred).toBe(1);

    const log = day1.digests.flatMap((d) => logEntriesFor(d, `${TODAY}T08:00:00+03:00`, TODAY));
    const day2 = planReminders({ items, log, todayIso: addDays(TODAY, 1), settings: ON, quota: 2 });
    expect(day2.digests.map((d) => d.to)).toEqual(['boris@school.ru']);
    expect(day2.deferred).toBe(0);

    expect(planReminders({ items, log: [], todayIso: TODAY, settings: ON, quota: 0 })).toEqual({
      digests: [],
      deferred: 3,
    });
  });
});

describe('a simulated month', () => {
  const people = ['anna@school.ru', 'boris@school.ru', 'vera@school.ru', 'gleb@school.ru'];
  const activities: DueActivity[] = [
    activity({ key: 'roadmap:1.6', due: '2027-04-28', to: [people[0], people[1]] }),
    activity({ key: 'roadmap:4.2.2', due: '2027-05-06', to: [people[1]] }),
    activity({ key: 'roadmap:6.1', due: '2027-05-20', to: [people[0], people[2]] }),
    activity({ key: 'roadmap:6.2', due: '2027-05-25', to: [people[3]] }),
    activity({ key: 'program:ПР-0001:A3', due: '2027-05-12', to: [people[2]], source: 'Программа П-0001' }),
  ];
  const monitoring = item({ key: 'monitoring:НС-0001:П-0001', kind: 'monitoring', due: '', to: [people[3]] });
  const settings: ReminderSettings = { enabled: true, daysBefore: 5, repeatDays: 7 };

  function simulate(quota: number, closedFrom: Record<string, string> = {}): SendLogEntry[] {
    const log: SendLogEntry[] = [];
    for (let day = '2027-05-01'; day <= '2027-05-31'; day = addDays(day, 1)) {
      const open = activities.map((a) => ({
        ...a,
        closed: closedFrom[a.key] !== undefined && closedFrom[a.key] <= day,
      }));
      const items = [...selectDue(open, day, settings.daysBefore), monitoring];
      const plan = planReminders({ items, log, todayIso: day, settings, quota });
      expect(new Set(plan.digests.map((d) => d.to)).size).toBe(plan.digests.length);
      expect(plan.digests.length).toBeLessThanOrEqual(quota);
      for (const d of plan.digests) log.push(...logEntriesFor(d, `${day}T08:00:00+03:00`, day));
    }
    return log;
  }

  function sendsByPair(log: SendLogEntry[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const e of log) {
      const key = `${e.to} ${e.itemKey}`;
      out.set(key, [...(out.get(key) ?? []), e.day]);
    }
    return out;
  }

  test('no item to the same person twice within repeatDays, and never twice a day', () => {
    const log = simulate(100);
    for (const [pair, days] of sendsByPair(log)) {
      for (let i = 1; i < days.length; i++) {
        expect([pair, addDays(days[i - 1], settings.repeatDays) <= days[i]]).toEqual([pair, true]);
      }
    }
  });

  test('open items keep being reminded every repeatDays days', () => {
    const pairs = sendsByPair(simulate(100));
    // Overdue since April: reminded on the 1st, 8th, 15th, 22nd and 29th.
    expect(pairs.get('anna@school.ru roadmap:1.6')).toEqual([
      '2027-05-01',
      '2027-05-08',
      '2027-05-15',
      '2027-05-22',
      '2027-05-29',
    ]);
    // Due on the 20th, reminded from 5 days before (the 15th), then a week later while overdue.
    expect(pairs.get('vera@school.ru roadmap:6.1')).toEqual(['2027-05-15', '2027-05-22', '2027-05-29']);
    expect(pairs.get('gleb@school.ru monitoring:НС-0001:П-0001')).toHaveLength(5);
  });

  test('a closed activity is no longer reminded', () => {
    const pairs = sendsByPair(simulate(100, { 'roadmap:1.6': '2027-05-10' }));
    expect(pairs.get('anna@school.ru roadmap:1.6')).toEqual(['2027-05-01', '2027-05-08']);
  });

  test('with a quota of one letter a day everyone is still reached, most urgent first', () => {
    const log = simulate(1);
    const firstDay = new Map<string, string>();
    for (const e of log) if (!firstDay.has(e.to)) firstDay.set(e.to, e.day);
    expect([...firstDay.keys()].sort()).toEqual([...people].sort());
    // Anna and Boris have an item overdue since April: they go first.
    expect(firstDay.get('anna@school.ru')).toBe('2027-05-01');
    expect(firstDay.get('boris@school.ru')).toBe('2027-05-02');
    expect(new Set(log.map((e) => `${e.day} ${e.to}`)).size).toBe(new Set(log.map((e) => e.day)).size);
  });
});

describe('log entries', () => {
  test('one per item: who, when, which item — nothing of the text', () => {
    const digest = {
      to: 'a@school.ru',
      items: [item({ key: 'roadmap:6.1', title: 'Секретный текст' }), item({ key: 'roadmap:6.2' })],
    };
    const entries = logEntriesFor(digest, '2027-05-14T08:00:00+03:00', TODAY);
    expect(entries).toEqual([
      { at: '2027-05-14T08:00:00+03:00', day: TODAY, to: 'a@school.ru', itemKey: 'roadmap:6.1' },
      { at: '2027-05-14T08:00:00+03:00', day: TODAY, to: 'a@school.ru', itemKey: 'roadmap:6.2' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('Секретный');
  });
});
