import { Env } from '../../emulator/core/env';
import { createConsole, createLogger, LogSink } from '../../emulator/services/logger';

const NOW = '2026-11-25T12:00:00+03:00';

describe('Logger and console', () => {
  it('append to the sink with level and simulated time, never to the Node console', () => {
    const env = new Env({ now: NOW });
    env.chargeLatency = false;
    const sink = new LogSink();
    const Logger = createLogger(env, sink);
    const gconsole = createConsole(env, sink);
    const spies = (['log', 'info', 'warn', 'error'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation(() => {}),
    );
    Logger.log('row %s of %s', 3, 10);
    env.advance(5000);
    gconsole.warn('careful', { n: 1 });
    gconsole.error('bad');
    for (const s of spies) {
      expect(s).not.toHaveBeenCalled();
      s.mockRestore();
    }
    expect(sink.entries).toEqual([
      { level: 'info', message: 'row 3 of 10', atMs: Date.parse(NOW), source: 'Logger' },
      { level: 'warn', message: 'careful { n: 1 }', atMs: Date.parse(NOW) + 5000, source: 'console' },
      { level: 'error', message: 'bad', atMs: Date.parse(NOW) + 5000, source: 'console' },
    ]);
  });

  it('Logger.getLog returns its own messages since clear()', () => {
    const env = new Env({ now: NOW });
    const sink = new LogSink();
    const Logger = createLogger(env, sink);
    const gconsole = createConsole(env, sink);
    Logger.log('one').log('two');
    gconsole.log('not Logger');
    expect(Logger.getLog()).toBe('one\ntwo\n');
    Logger.clear();
    Logger.log(42);
    expect(Logger.getLog()).toBe('42\n');
    expect(sink.entries).toHaveLength(4); // clear() does not erase the workspace's view
  });

  it('echo prints when asked', () => {
    const env = new Env({ now: NOW });
    const sink = new LogSink();
    sink.echo = true;
    const spy = jest.spyOn(console, 'log').mockImplementation(() => {});
    createConsole(env, sink).log('hi');
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('hi'));
    spy.mockRestore();
  });

  it('counts calls and refuses methods the Apps Script console lacks', () => {
    const env = new Env({ now: NOW });
    const sink = new LogSink();
    const gconsole = createConsole(env, sink);
    gconsole.log('a');
    Logger_log(createLogger(env, sink));
    expect(env.calls.summary().byMethod).toEqual({ 'console.log': 1, 'Logger.log': 1 });
    expect(() => (gconsole as unknown as { table(x: unknown): void }).table([])).toThrow(/not implemented/);
  });
});

function Logger_log(logger: GoogleAppsScript.Base.Logger) {
  logger.log('x');
}
