/** «Документы»: the batch loop's pure transitions, the labels, the link check and the date default. */
import type { BatchProgress } from '../../src/contract/serverApi';
import {
  buildRequest,
  canStart,
  continueDelay,
  existingLabel,
  fail,
  fromJob,
  IDLE,
  isIsoDate,
  isProgress,
  isRunning,
  nextJob,
  percent,
  receive,
  resume,
  safeUrl,
  send,
  start,
  statusLabel,
  stop,
  syncJob,
  todayIso,
  wait,
  type BatchState,
} from '../../sidebar/documentsModel';

function progress(done: number, total = 3, over: Partial<BatchProgress> = {}): BatchProgress {
  return {
    jobId: 'job-1',
    kind: 'consentPersonalData',
    total,
    done,
    finished: done >= total,
    results: [],
    skipped: [],
    message: `Создано ${done} из ${total}`,
    ...over,
  };
}

test('the loop: start → generate answer → continue one call at a time → finished', () => {
  let s: BatchState = IDLE;
  expect(canStart(s)).toBe(true);
  expect(nextJob(s)).toBeNull();

  s = start(s);
  expect(s.pending).toBe('generate');
  expect(isRunning(s)).toBe(true);
  // a double click: the second «Создать» is refused
  expect(canStart(s)).toBe(false);
  expect(start(s)).toBe(s);
  expect(nextJob(s)).toBeNull();

  s = receive(s, progress(1));
  expect(s.pending).toBeNull();
  expect(nextJob(s)).toBe('job-1');
  expect(continueDelay(s)).toBe(0);
  expect(canStart(s)).toBe(false);

  s = send(s);
  expect(s.pending).toBe('continue');
  // while the call is on its way nothing else is sent
  expect(nextJob(s)).toBeNull();
  expect(send(s)).toBe(s);
  expect(resume(s)).toBe(s);

  s = receive(s, progress(2));
  s = receive(send(s), progress(3));
  expect(s.progress!.finished).toBe(true);
  expect(nextJob(s)).toBeNull();
  expect(isRunning(s)).toBe(false);
  expect(canStart(s)).toBe(true);
  expect(start(s)).toEqual({ ...IDLE, pending: 'generate' });
});

test('«Остановить» stops the calls; a call in flight still lands; «Продолжить» resumes', () => {
  let s = send(receive(start(IDLE), progress(1)));
  s = stop(s);
  expect(s.paused).toBe(true);
  expect(s.pending).toBe('continue');
  expect(resume(s)).toBe(s); // not while the call is on its way
  s = receive(s, progress(2));
  expect(s.paused).toBe(true);
  expect(s.progress!.done).toBe(2);
  expect(nextJob(s)).toBeNull();
  expect(isRunning(s)).toBe(false);
  expect(canStart(s)).toBe(false); // the unfinished batch is continued, not doubled

  s = resume(s);
  expect(s.paused).toBe(false);
  expect(nextJob(s)).toBe('job-1');

  // a stop during the pause before the next call drops the pause
  const waiting = wait({ ...s, stalls: 1 });
  expect(waiting.pending).toBe('wait');
  expect(send(waiting).pending).toBe('continue');
  const stopped = stop(waiting);
  expect(stopped.pending).toBeNull();
  expect(send(stopped)).toBe(stopped);

  // stopping a batch still being started: its first answer lands, no continue follows
  const starting = stop(start(IDLE));
  expect(starting.paused).toBe(true);
  expect(nextJob(receive(starting, progress(1)))).toBeNull();
  // nothing to stop
  expect(stop(IDLE)).toBe(IDLE);
});

test('a failure stops the loop with the message; «Продолжить» clears it; a failed start allows a new one', () => {
  let s = send(receive(start(IDLE), progress(1)));
  s = fail(s, 'Превышено время выполнения');
  expect(s.error).toBe('Превышено время выполнения');
  expect(s.pending).toBeNull();
  expect(nextJob(s)).toBeNull();
  expect(isRunning(s)).toBe(false);
  s = resume(s);
  expect(s.error).toBeNull();
  expect(nextJob(s)).toBe('job-1');

  const failedStart = fail(start(IDLE), 'Шаблон не найден');
  expect(failedStart.progress).toBeNull();
  expect(canStart(failedStart)).toBe(true);
  expect(resume(failedStart)).toBe(failedStart);
});

test('no headway: the next call waits 2, 4 … 10 s; a new document resets the pause', () => {
  let s = receive(start(IDLE), progress(1));
  expect(continueDelay(s)).toBe(0);
  const delays: number[] = [];
  for (let i = 0; i < 6; i++) {
    s = receive(send(s), progress(1));
    delays.push(continueDelay(s));
  }
  expect(delays).toEqual([2000, 4000, 6000, 8000, 10000, 10000]);
  s = receive(send(s), progress(2));
  expect(continueDelay(s)).toBe(0);
  expect(continueDelay(resume(stop({ ...s, stalls: 3 })))).toBe(0);
  expect(wait(IDLE)).toBe(IDLE);
});

test('on open: an unfinished batch is shown paused (to continue), a finished one is not', () => {
  const s = fromJob(progress(1));
  expect(s.paused).toBe(true);
  expect(s.progress!.done).toBe(1);
  expect(nextJob(s)).toBeNull();
  expect(nextJob(resume(s))).toBe('job-1');
  expect(fromJob(progress(3))).toBe(IDLE);
  expect(fromJob(null)).toBe(IDLE);
});

test('«Обновить» merges the server batch: a loop at work is left alone, a stale stopped one is dropped', () => {
  const running = receive(start(IDLE), progress(1));
  expect(syncJob(running, progress(2))).toBe(running);
  const stopped = stop(running);
  // the same job, further on, stays paused with the fresher figures
  expect(syncJob(stopped, progress(2)).progress!.done).toBe(2);
  expect(syncJob(stopped, progress(2)).paused).toBe(true);
  // the trigger finished it: its results are shown
  expect(syncJob(stopped, progress(3))).toEqual({ ...IDLE, progress: progress(3) });
  // the server no longer reports it: dropped
  expect(syncJob(stopped, null)).toBe(IDLE);
  // a finished batch of the panel stays on screen
  const done = receive(send(running), progress(3));
  expect(syncJob(done, null)).toBe(done);
  const other = progress(0, 5, { jobId: 'job-2' });
  expect(syncJob(done, other).progress).toBe(other);
  expect(syncJob(IDLE, other).paused).toBe(true);
});

test('percent for the bar', () => {
  expect(percent(null)).toBe(0);
  expect(percent(progress(1, 3))).toBe(33);
  expect(percent(progress(0, 0, { finished: false }))).toBe(0);
  expect(percent(progress(0, 0, { finished: true }))).toBe(100);
  expect(percent(progress(5, 3, { finished: false }))).toBe(100);
  expect(percent(progress(Number.NaN, 3))).toBe(0);
});

test('status labels', () => {
  expect(existingLabel('черновик')).toBe('будет обновлён черновик');
  expect(existingLabel('подписан')).toBe('подписан — не изменится');
  expect(existingLabel(null)).toBe('новый');
  expect(existingLabel(undefined)).toBe('новый');
  expect(statusLabel('подписан')).toBe('подписан');
  expect(statusLabel('')).toBe('—');
  expect(statusLabel(null)).toBe('—');
});

test('links: only absolute http(s)', () => {
  expect(safeUrl('https://docs.google.com/document/d/abc/edit')).toBe('https://docs.google.com/document/d/abc/edit');
  expect(safeUrl('  http://example.org/x  ')).toBe('http://example.org/x');
  expect(safeUrl('HTTPS://DRIVE.GOOGLE.COM/drive/folders/1')).toBe('HTTPS://DRIVE.GOOGLE.COM/drive/folders/1');
  for (const bad of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    '//evil.example/x',
    '/relative/path',
    'https://',
    'https:///path',
    'https://ok.example/a b',
    'https://ok.example/\u0000',
    'ftp://example.org',
    '',
    null,
    undefined,
    42,
    { href: 'https://x.example' },
  ]) {
    expect({ bad, url: safeUrl(bad) }).toEqual({ bad, url: null });
  }
});

test('the date: today in local time as ISO; only real dates are sent', () => {
  expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  expect(todayIso(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  expect(isIsoDate(todayIso())).toBe(true);
  expect(isIsoDate('2028-02-29')).toBe(true);
  for (const bad of ['2027-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '05.04.2026', '', null, 20260405]) {
    expect({ bad, ok: isIsoDate(bad) }).toEqual({ bad, ok: false });
  }
  expect(buildRequest('pairsOrder', true, '2026-09-01')).toEqual({ kind: 'pairsOrder', pdf: true, date: '2026-09-01' });
  expect(buildRequest('pairsOrder', false, '')).toBeNull();
});

test('a broken server answer is not taken for progress', () => {
  expect(isProgress(progress(1))).toBe(true);
  expect(isProgress(null)).toBe(false);
  expect(isProgress({})).toBe(false);
  expect(isProgress({ jobId: '', finished: false })).toBe(false);
  expect(isProgress({ jobId: 'j', finished: 'no' })).toBe(false);
});
