/**
 * Logger and console: both append to an in-memory LogSink the workspace reads. Nothing reaches the
 * Node console unless `sink.echo` is set.
 */
import { format } from 'node:util';
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';
import { formatString } from './utilities';
import { Wrapped, wrap } from './common';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  /** Simulated time of the entry (Env.now()). */
  atMs: number;
  source: 'Logger' | 'console';
}

export class LogSink {
  entries: LogEntry[] = [];
  /** Also print to the Node console (off by default: tests stay quiet). */
  echo = false;

  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.echo) {
      const line = `[${new Date(entry.atMs).toISOString()}] ${entry.message}`;
      (entry.level === 'log' ? console.log : console[entry.level])(line);
    }
  }

  /** Messages, one per line. */
  text(filter: (e: LogEntry) => boolean = () => true): string {
    return this.entries
      .filter(filter)
      .map((e) => e.message)
      .join('\n');
  }

  clear(): void {
    this.entries = [];
  }
}

type LG = GoogleAppsScript.Base.Logger;

class FakeLogger extends Wrapped implements Pick<LG, 'log' | 'getLog' | 'clear'> {
  /** Index in the sink where this execution's Logger log starts (Logger.clear moves it). */
  private since = 0;

  constructor(
    private readonly env: Env,
    private readonly sink: LogSink,
  ) {
    super();
  }

  log(data: unknown, ...values: unknown[]): LG {
    const message = values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : String(data);
    this.sink.add({ level: 'info', message, atMs: this.env.now(), source: 'Logger' });
    return this._self as unknown as LG;
  }

  /** The messages logged with Logger since the last clear, one per line (real lines carry a timestamp prefix). */
  getLog(): string {
    return this.sink.entries
      .slice(this.since)
      .filter((e) => e.source === 'Logger')
      .map((e) => `${e.message}\n`)
      .join('');
  }

  clear(): void {
    this.since = this.sink.entries.length;
  }
}

/** The `Logger` global. */
export function createLogger(env: Env, sink: LogSink): LG {
  return wrap(env, 'Base.Logger', new FakeLogger(env, sink)) as unknown as LG;
}

export interface GasConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}

class FakeConsole implements GasConsole {
  private timers = new Map<string, number>();

  constructor(
    private readonly env: Env,
    private readonly sink: LogSink,
  ) {}

  private add(level: LogLevel, args: unknown[]): void {
    this.sink.add({ level, message: format(...args), atMs: this.env.now(), source: 'console' });
  }

  log(...args: unknown[]): void {
    this.add('log', args);
  }
  info(...args: unknown[]): void {
    this.add('info', args);
  }
  warn(...args: unknown[]): void {
    this.add('warn', args);
  }
  error(...args: unknown[]): void {
    this.add('error', args);
  }
  time(label = 'default'): void {
    this.timers.set(label, this.env.now());
  }
  timeEnd(label = 'default'): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    this.add('log', [`${label}: ${this.env.now() - start}ms`]);
  }
}

/** The `console` global of the add-on's realm (calls counted as "console.log" etc.). */
export function createConsole(env: Env, sink: LogSink): GasConsole {
  return gasObject(env, 'Base.console', new FakeConsole(env, sink));
}
