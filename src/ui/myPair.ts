/**
 * «Моя пара»: the one panel every account may open. It reads the sheets (never writes, so a teacher
 * without edit rights can use it) and returns only the pairs the account takes part in, found by
 * Session.getActiveUser()'s e-mail in the banks' «Email».
 */
import { bankSpec } from '../sheets/banks';
import { isoDayReader } from '../sheets/cells';
import { readMeetings } from '../sheets/meetingsSheet';
import { isWorkingPair, readPairs } from '../sheets/pairsSheet';
import { CANCELLED, DONE, readProgramRows } from '../sheets/programsSheet';
import { Table } from '../sheets/table';
import { sameAccount } from '../state/manager';
import type { MyPairEntry, MyPairView } from '../contract/serverApi';
import { standing } from './roles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The bank ids («НС-0001», «НТ-0001») whose «Email» is this account's. */
function idsOf(ss: Spreadsheet, email: string): string[] {
  const ids: string[] = [];
  for (const kind of ['mentee', 'mentor'] as const) {
    const table = Table.read(ss, bankSpec(kind));
    if (!table) continue;
    table.rows.forEach((_, r) => {
      if (sameAccount(table.text(r, 'email'), email) && table.text(r, 'id')) ids.push(table.text(r, 'id'));
    });
  }
  return ids;
}

export function myPairView(ss: Spreadsheet): MyPairView {
  const { manages, me, reason } = standing(ss);
  const view: MyPairView = { email: me, manages, notice: manages ? '' : reason, empty: '', pairs: [] };
  if (!me) {
    view.empty = 'Google не сообщил адрес вашей учётной записи, поэтому вашу пару найти нельзя.';
    return view;
  }
  const ids = idsOf(ss, me);
  if (ids.length === 0) {
    view.empty =
      `Адреса ${me} нет в столбце «Email» листов «Наставляемые» и «Наставники». ` +
      'Если вы заполняли анкету под другим адресом, откройте таблицу под ним.';
    return view;
  }
  const day = isoDayReader(ss.getSpreadsheetTimeZone());
  const mine = readPairs(ss).filter(
    (p) => isWorkingPair(p.status) && (ids.includes(p.mentorId) || p.menteeIds.some((id) => ids.includes(id))),
  );
  if (mine.length === 0) {
    view.empty = 'Утверждённой пары или группы с вашим участием пока нет.';
    return view;
  }
  const wanted = new Set(mine.map((p) => p.id));
  const activities = readProgramRows(ss).filter((a) => wanted.has(a.pairId) && !a.archived);
  const meetings = readMeetings(ss).filter((m) => wanted.has(m.pairId));
  view.pairs = mine.map((p): MyPairEntry => {
    const own = activities.filter((a) => a.pairId === p.id).sort((a, b) => a.date.localeCompare(b.date));
    const counted = own.filter((a) => a.status !== CANCELLED);
    return {
      pairId: p.id,
      kind: p.kind,
      status: p.status,
      role: ids.includes(p.mentorId) ? 'наставник' : 'наставляемый',
      mentorName: p.mentorName,
      menteeNames: p.menteeNames,
      start: day(p.start),
      end: day(p.end),
      progress: counted.length
        ? Math.round((counted.filter((a) => a.status === DONE).length / counted.length) * 100)
        : null,
      activities: own.map((a) => ({ date: a.date, title: a.title, status: a.status })),
      meetings: meetings
        .filter((m) => m.pairId === p.id)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((m) => ({ date: m.date, topic: m.topic, format: m.format, duration: m.duration })),
    };
  });
  return view;
}

export function getMyPair(): MyPairView {
  return myPairView(SpreadsheetApp.getActiveSpreadsheet());
}
