/**
 * ScriptApp: enums, installable triggers with the editor add-on rules (one trigger of each event type
 * per user per document, ≤ 20 triggers per user per script, time-driven at most once an hour), and a
 * JSON-exportable TriggerRegistry the workspace uses to find triggers to fire.
 */
import type { Env } from '../core/env';
import { gasObject, signatureError, unwrap } from '../core/gasObject';
import { fromWallClock, isValidTimeZone, wallClock } from '../core/timezone';
import { requireAuthorization, SCOPES } from './authorization';
import { documentIdGetter, isDate, makeEnum, Wrapped, wrap, type DocumentIdOption } from './common';

export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const TriggerSource = makeEnum('TriggerSource', [
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
export const WeekDay = makeEnum('Weekday', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);

export type EventTypeName = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

export const MAX_TRIGGERS_PER_USER = 20;
export const HOUR_MS = 3600000;
export const ALLOWED_EVERY_HOURS = [1, 2, 4, 6, 8, 12];

/** Error texts. TOO_MANY_TRIGGERS is what Apps Script shows; the others are not documented by Google. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const oneTriggerPerType = (eventType: string) =>
  `This add-on already has a ${eventType} trigger for this user in this document. ` +
  'Editor add-ons may have only one trigger of each event type per user per document.';
export const TRIGGER_OTHER_DOCUMENT = 'Add-ons can only create triggers for the document they are used in.';
export const TRIGGER_TOO_FREQUENT = 'Add-ons may not create time-based triggers that run more than once per hour.';
export const EVERY_HOURS_INVALID = 'Invalid argument: hours. everyHours must be one of 1, 2, 4, 6, 8 or 12.';
export const TRIGGER_NOT_FOUND = 'Trigger not found. It may have been deleted already.';
export const CLOCK_SCHEDULE_MISSING =
  'Invalid time-based trigger: call everyHours, everyDays, everyWeeks, after or at before create().';

export interface ClockSchedule {
  kind: 'everyHours' | 'everyDays' | 'everyWeeks' | 'after' | 'at';
  /** everyHours / everyDays / everyWeeks interval. */
  n?: number;
  atHour?: number;
  nearMinute?: number;
  /** 0 = Sunday … 6 = Saturday (everyWeeks). */
  weekDay?: number;
  afterMs?: number;
  atMs?: number;
  timeZone: string;
}

export interface TriggerRecord {
  /** getUniqueId(); also the event's triggerUid. */
  id: string;
  handler: string;
  user: string;
  /** The document the add-on created it from (every add-on trigger belongs to one). */
  documentId: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The spreadsheet id for spreadsheet triggers; null for time-driven ones. */
  sourceId: string | null;
  createdAtMs: number;
  clock?: ClockSchedule;
  /** Time-driven: when it fires next (null: a one-off that already fired). */
  nextRunMs?: number | null;
  lastRunMs?: number | null;
}

export interface TriggerRegistryJSON {
  nextId: number;
  triggers: TriggerRecord[];
}

/** First or next run of a time-driven trigger, from its schedule. */
export function computeNextRun(rec: TriggerRecord): number | null {
  const c = rec.clock;
  if (!c) return null;
  const fired = rec.lastRunMs !== undefined && rec.lastRunMs !== null;
  switch (c.kind) {
    case 'after':
      return fired ? null : rec.createdAtMs + (c.afterMs ?? 0);
    case 'at':
      return fired ? null : (c.atMs ?? rec.createdAtMs);
    case 'everyHours':
      return (fired ? rec.lastRunMs! : rec.createdAtMs) + (c.n ?? 1) * HOUR_MS;
    case 'everyDays':
    case 'everyWeeks': {
      const stepDays = c.kind === 'everyDays' ? (c.n ?? 1) : 7 * (c.n ?? 1);
      const base = fired ? rec.lastRunMs! : rec.createdAtMs;
      const w = wallClock(base, c.timeZone);
      const hour = c.atHour ?? w.hour;
      const minute = c.nearMinute ?? (c.atHour === undefined ? w.minute : 0);
      if (fired || (c.kind === 'everyDays' && c.atHour === undefined)) {
        return fromWallClock(c.timeZone, w.year, w.month, w.day + stepDays, hour, minute);
      }
      // First run: the next matching wall-clock time strictly after creation.
      for (let d = 0; d <= 14; d++) {
        const t = fromWallClock(c.timeZone, w.year, w.month, w.day + d, hour, minute);
        if (t <= base) continue;
        if (c.kind === 'everyWeeks' && c.weekDay !== undefined && wallClock(t, c.timeZone).weekday !== c.weekDay)
          continue;
        return t;
      }
      return null;
    }
  }
}

/** Every installable trigger of the script, all users, all documents. */
export class TriggerRegistry {
  triggers: TriggerRecord[] = [];
  private nextId = 1;

  list(
    filter: Partial<Pick<TriggerRecord, 'user' | 'documentId' | 'eventType' | 'sourceId' | 'handler'>> = {},
  ): TriggerRecord[] {
    return this.triggers.filter((t) =>
      (Object.keys(filter) as Array<keyof typeof filter>).every((k) => t[k] === filter[k]),
    );
  }

  get(id: string): TriggerRecord | undefined {
    return this.triggers.find((t) => t.id === id);
  }

  /** Adds a trigger (no rule checks: ScriptApp checks them). Assigns the id and the first run. */
  add(input: Omit<TriggerRecord, 'id' | 'nextRunMs' | 'lastRunMs'>): TriggerRecord {
    const rec: TriggerRecord = { ...input, id: String(7000000000 + this.nextId++), lastRunMs: null };
    if (rec.clock) rec.nextRunMs = computeNextRun(rec);
    this.triggers.push(rec);
    return rec;
  }

  remove(id: string): boolean {
    const i = this.triggers.findIndex((t) => t.id === id);
    if (i < 0) return false;
    this.triggers.splice(i, 1);
    return true;
  }

  /** Spreadsheet triggers of any user for `eventType` on spreadsheet `sourceId` (what a form submission fires). */
  forEvent(eventType: EventTypeName, sourceId: string): TriggerRecord[] {
    return this.triggers.filter((t) => t.eventType === eventType && t.sourceId === sourceId);
  }

  /** Time-driven triggers due at `nowMs`, earliest first. */
  due(nowMs: number): TriggerRecord[] {
    return this.triggers
      .filter((t) => t.eventType === 'CLOCK' && t.nextRunMs != null && t.nextRunMs <= nowMs)
      .sort((a, b) => a.nextRunMs! - b.nextRunMs!);
  }

  /**
   * Records that a time-driven trigger fired at `atMs` and schedules the next run. A fired one-off
   * (after/at) stays registered (and counts toward the limit) with nextRunMs null until deleted.
   */
  markFired(id: string, atMs: number): void {
    const rec = this.get(id);
    if (!rec) throw new Error(`No trigger ${id}`);
    rec.lastRunMs = atMs;
    rec.nextRunMs = computeNextRun(rec);
  }

  toJSON(): TriggerRegistryJSON {
    return structuredClone({ nextId: this.nextId, triggers: this.triggers });
  }

  /** Loads a saved registry; `json` comes from disk, so its shape is checked. */
  static fromJSON(input: unknown): TriggerRegistry {
    const json = input as Partial<TriggerRegistryJSON> | null;
    if (!json || typeof json.nextId !== 'number' || !Array.isArray(json.triggers)) {
      throw new Error('TriggerRegistry.fromJSON: expected { nextId: number, triggers: TriggerRecord[] }');
    }
    for (const t of json.triggers as unknown[]) {
      const r = t as Partial<TriggerRecord> | null;
      if (
        !r ||
        typeof r.id !== 'string' ||
        typeof r.handler !== 'string' ||
        typeof r.user !== 'string' ||
        !(String(r.eventType) in EventType)
      ) {
        throw new Error(`TriggerRegistry.fromJSON: malformed trigger ${JSON.stringify(t)}`);
      }
    }
    const r = new TriggerRegistry();
    r.nextId = json.nextId;
    r.triggers = structuredClone(json.triggers);
    return r;
  }
}

type T = GoogleAppsScript.Script.Trigger;

export class FakeTrigger implements Pick<
  T,
  'getHandlerFunction' | 'getEventType' | 'getUniqueId' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  constructor(readonly record: Readonly<TriggerRecord>) {}
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
}

interface Context {
  env: Env;
  registry: TriggerRegistry;
  documentId: () => string | null;
}

/**
 * The document new triggers belong to: the execution's, or — in a time-driven run, which has none —
 * the document of the trigger that started it. null: no document at all.
 */
function triggerDocument(ctx: Context): string | null {
  return ctx.documentId() ?? ctx.env.execution?.triggerDocumentId ?? null;
}

function triggerObject(env: Env, rec: TriggerRecord): T {
  return gasObject(env, 'Script.Trigger', new FakeTrigger({ ...rec })) as unknown as T;
}

/** Applies the add-on rules, then registers the trigger. */
function createChecked(
  ctx: Context,
  input: Omit<TriggerRecord, 'id' | 'nextRunMs' | 'lastRunMs' | 'createdAtMs' | 'user' | 'documentId'>,
): T {
  const { env, registry } = ctx;
  const user = env.activeUser;
  const documentId = triggerDocument(ctx);
  if (documentId === null) throw env.error(TRIGGER_OTHER_DOCUMENT);
  const mine = registry.list({ user });
  if (mine.some((t) => t.documentId === documentId && t.eventType === input.eventType)) {
    throw env.error(oneTriggerPerType(input.eventType));
  }
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw env.error(TOO_MANY_TRIGGERS);
  const rec = registry.add({ ...input, user, documentId, createdAtMs: env.now() });
  return triggerObject(env, rec);
}

type STB = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

class FakeSpreadsheetTriggerBuilder
  extends Wrapped
  implements Pick<STB, 'onFormSubmit' | 'onEdit' | 'onOpen' | 'onChange' | 'create'>
{
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
    super();
  }

  private set(e: EventTypeName): STB {
    this.eventType = e;
    return this._self as unknown as STB;
  }
  onFormSubmit(): STB {
    return this.set('ON_FORM_SUBMIT');
  }
  onEdit(): STB {
    return this.set('ON_EDIT');
  }
  onOpen(): STB {
    return this.set('ON_OPEN');
  }
  onChange(): STB {
    return this.set('ON_CHANGE');
  }
  create(): T {
    if (!this.eventType)
      throw this.ctx.env.error(
        'Invalid spreadsheet trigger: choose onOpen, onEdit, onChange or onFormSubmit before create().',
      );
    return createChecked(this.ctx, {
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
    });
  }
}

type CTB = GoogleAppsScript.Script.ClockTriggerBuilder;

class FakeClockTriggerBuilder
  extends Wrapped
  implements
    Pick<
      CTB,
      | 'everyMinutes'
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'onWeekDay'
      | 'atHour'
      | 'nearMinute'
      | 'after'
      | 'at'
      | 'inTimezone'
      | 'create'
    >
{
  private schedule: Partial<ClockSchedule> = {};

  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
  ) {
    super();
  }

  private ret(): CTB {
    return this._self as unknown as CTB;
  }

  private int(n: unknown, method: string, min: number, max: number, what: string): number {
    if (typeof n !== 'number' || !Number.isInteger(n))
      throw signatureError(this.ctx.env, `ClockTriggerBuilder.${method}`, [n]);
    if (n < min || n > max) throw this.ctx.env.error(`Invalid argument: ${what}`);
    return n;
  }

  private kind(kind: ClockSchedule['kind'], n?: number): void {
    if (this.schedule.kind)
      throw this.ctx.env.error(`Invalid time-based trigger: ${this.schedule.kind} is already set`);
    this.schedule.kind = kind;
    if (n !== undefined) this.schedule.n = n;
  }

  everyMinutes(n: number): CTB {
    void n;
    throw this.ctx.env.error(TRIGGER_TOO_FREQUENT);
  }
  everyHours(n: number): CTB {
    if (typeof n !== 'number') throw signatureError(this.ctx.env, 'ClockTriggerBuilder.everyHours', [n]);
    if (!ALLOWED_EVERY_HOURS.includes(n)) throw this.ctx.env.error(EVERY_HOURS_INVALID);
    this.kind('everyHours', n);
    return this.ret();
  }
  everyDays(n: number): CTB {
    this.kind('everyDays', this.int(n, 'everyDays', 1, 366, 'days'));
    return this.ret();
  }
  everyWeeks(n: number): CTB {
    this.kind('everyWeeks', this.int(n, 'everyWeeks', 1, 52, 'weeks'));
    return this.ret();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): CTB {
    const i = (Object.values(WeekDay) as unknown[]).indexOf(day);
    if (i < 0) throw signatureError(this.ctx.env, 'ClockTriggerBuilder.onWeekDay', [day]);
    this.schedule.weekDay = i;
    return this.ret();
  }
  atHour(hour: number): CTB {
    this.schedule.atHour = this.int(hour, 'atHour', 0, 23, 'hour');
    return this.ret();
  }
  nearMinute(minute: number): CTB {
    this.schedule.nearMinute = this.int(minute, 'nearMinute', 0, 59, 'minute');
    return this.ret();
  }
  after(durationMilliseconds: number): CTB {
    const ms = this.int(durationMilliseconds, 'after', 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
    if (ms < HOUR_MS) throw this.ctx.env.error(TRIGGER_TOO_FREQUENT);
    this.kind('after');
    this.schedule.afterMs = ms;
    return this.ret();
  }
  at(date: GoogleAppsScript.Base.Date): CTB {
    if (!isDate(date) || Number.isNaN(date.getTime()))
      throw signatureError(this.ctx.env, 'ClockTriggerBuilder.at', [date]);
    if (date.getTime() - this.ctx.env.now() < HOUR_MS) throw this.ctx.env.error(TRIGGER_TOO_FREQUENT);
    this.kind('at');
    this.schedule.atMs = date.getTime();
    return this.ret();
  }
  inTimezone(timezone: string): CTB {
    if (typeof timezone !== 'string' || !isValidTimeZone(timezone))
      throw this.ctx.env.error(`Invalid argument: timezone`);
    this.schedule.timeZone = timezone;
    return this.ret();
  }
  create(): T {
    const s = this.schedule;
    if (!s.kind) throw this.ctx.env.error(CLOCK_SCHEDULE_MISSING);
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.kind !== 'everyDays' && s.kind !== 'everyWeeks') {
      throw this.ctx.env.error('Invalid time-based trigger: atHour/nearMinute need everyDays or everyWeeks');
    }
    if (s.weekDay !== undefined && s.kind !== 'everyWeeks') {
      throw this.ctx.env.error('Invalid time-based trigger: onWeekDay needs everyWeeks');
    }
    return createChecked(this.ctx, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock: { ...s, kind: s.kind, timeZone: s.timeZone ?? this.ctx.env.scriptTimeZone },
    });
  }
}

type TB = GoogleAppsScript.Script.TriggerBuilder;

class FakeTriggerBuilder implements Pick<TB, 'forSpreadsheet' | 'timeBased'> {
  constructor(
    private readonly ctx: Context,
    private readonly handler: string,
  ) {}

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): STB {
    let id: unknown = sheet;
    if (typeof sheet !== 'string') {
      const ss = sheet as { getId?: () => string } | null;
      if (!ss || typeof ss.getId !== 'function')
        throw signatureError(this.ctx.env, 'TriggerBuilder.forSpreadsheet', [sheet]);
      id = ss.getId();
    }
    if (id !== triggerDocument(this.ctx)) throw this.ctx.env.error(TRIGGER_OTHER_DOCUMENT);
    return wrap(
      this.ctx.env,
      'Script.SpreadsheetTriggerBuilder',
      new FakeSpreadsheetTriggerBuilder(this.ctx, this.handler, id as string),
    ) as unknown as STB;
  }

  timeBased(): CTB {
    return wrap(
      this.ctx.env,
      'Script.ClockTriggerBuilder',
      new FakeClockTriggerBuilder(this.ctx, this.handler),
    ) as unknown as CTB;
  }
}

type SA = GoogleAppsScript.Script.ScriptApp;

class FakeScriptApp implements Pick<
  SA,
  'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'newTrigger' | 'getScriptId'
> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

  constructor(
    private readonly ctx: Context,
    private readonly scriptId: string,
  ) {}

  private auth(method: string): void {
    requireAuthorization(this.ctx.env, `ScriptApp.${method}`, SCOPES.scriptapp);
  }

  /** All of the current user's triggers of this script, in every document (reference: "current project and current user"). */
  getProjectTriggers(): T[] {
    this.auth('getProjectTriggers');
    return this.ctx.registry.list({ user: this.ctx.env.activeUser }).map((r) => triggerObject(this.ctx.env, r));
  }

  /**
   * The current user's triggers created in `spreadsheet` (reference: "owned by this user in the given
   * spreadsheet"). An add-on's time-driven trigger belongs to the document it was created in, so it is
   * listed too.
   */
  getUserTriggers(
    spreadsheet:
      GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): T[] {
    this.auth('getUserTriggers');
    const ss = spreadsheet as unknown as { getId?: () => string } | null;
    if (!ss || typeof ss.getId !== 'function')
      throw signatureError(this.ctx.env, 'ScriptApp.getUserTriggers', [spreadsheet]);
    const id = ss.getId();
    return this.ctx.registry
      .list({ user: this.ctx.env.activeUser, documentId: id })
      .map((r) => triggerObject(this.ctx.env, r));
  }

  deleteTrigger(trigger: T): void {
    this.auth('deleteTrigger');
    const raw = unwrap(trigger) as unknown;
    if (!(raw instanceof FakeTrigger)) throw signatureError(this.ctx.env, 'ScriptApp.deleteTrigger', [trigger]);
    const rec = this.ctx.registry.get(raw.record.id);
    if (!rec || rec.user !== this.ctx.env.activeUser) throw this.ctx.env.error(TRIGGER_NOT_FOUND);
    this.ctx.registry.remove(rec.id);
  }

  newTrigger(functionName: string): TB {
    this.auth('newTrigger');
    if (typeof functionName !== 'string' || functionName === '')
      throw signatureError(this.ctx.env, 'ScriptApp.newTrigger', [functionName]);
    return gasObject(
      this.ctx.env,
      'Script.TriggerBuilder',
      new FakeTriggerBuilder(this.ctx, functionName),
    ) as unknown as TB;
  }

  getScriptId(): string {
    return this.scriptId;
  }
}

export interface ScriptAppOptions {
  /**
   * Id of the spreadsheet the add-on runs in (forSpreadsheet accepts only it); null in a run without
   * a document. Default "document".
   */
  documentId?: DocumentIdOption;
  scriptId?: string;
}

/** The `ScriptApp` global. */
export function createScriptApp(
  env: Env,
  registry: TriggerRegistry | (() => TriggerRegistry),
  options: ScriptAppOptions = {},
): SA {
  const documentId = documentIdGetter(options.documentId);
  const getRegistry = typeof registry === 'function' ? registry : () => registry;
  const ctx: Context = {
    env,
    get registry() {
      return getRegistry();
    },
    documentId,
  };
  return gasObject(
    env,
    'Script.ScriptApp',
    new FakeScriptApp(ctx, options.scriptId ?? 'emulator-script-id'),
  ) as unknown as SA;
}
