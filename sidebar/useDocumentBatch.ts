/**
 * The batch loop of «Создать документы»: generateDocuments, then continueDocuments one call at a time
 * until the server says finished, with «Остановить»/«Продолжить». Its state lives in documentsModel;
 * the ref is the truth (a double click reads it before Preact re-renders).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BatchProgress, GenerateRequest } from '../src/contract/serverApi';
import { call } from './api';
import {
  canStart,
  continueDelay,
  fail,
  IDLE,
  isProgress,
  nextJob,
  receive,
  resume,
  send,
  start,
  stop,
  syncJob,
  wait,
  type BatchState,
} from './documentsModel';
import { reason } from './useServer';

export interface DocumentBatch {
  state: BatchState;
  /** The state now, not as of the last render. */
  current: () => BatchState;
  /** Starts a batch; refused while one runs. */
  create: (req: GenerateRequest) => void;
  halt: () => void;
  carryOn: () => void;
  /** Shows a batch the server runs by itself (its trigger), merged with the panel's own. */
  adopt: (job: BatchProgress | null | undefined) => void;
  /** Forgets a failed start (another kind was picked). */
  clearFailedStart: () => void;
}

export function useDocumentBatch(onFinished: (p: BatchProgress) => void): DocumentBatch {
  const ref = useRef<BatchState>(IDLE);
  const [state, setState] = useState<BatchState>(IDLE);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  // A layout effect, as in useServer: its clean-up exists even if the panel goes before the next frame.
  useLayoutEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const apply = (next: BatchState) => {
    if (!alive.current) return;
    ref.current = next;
    setState(next);
  };

  const answer = (p: unknown, what: string) => {
    if (!alive.current) return;
    if (!isProgress(p)) {
      apply(fail(ref.current, `${what}: сервер вернул пустой ответ`));
      return;
    }
    apply(receive(ref.current, p));
    if (p.finished) onFinished(p);
    else pump();
  };

  const sendContinue = () => {
    timer.current = null;
    const before = ref.current;
    const next = send(before);
    if (next === before || !next.progress) return;
    apply(next);
    const what = 'Не удалось продолжить создание документов';
    call('continueDocuments', next.progress.jobId).then(
      (p) => answer(p, what),
      (e) => apply(fail(ref.current, `${what}: ${reason(e)}`)),
    );
  };

  /** One continueDocuments at a time: the next one is sent only after the previous answer. */
  const pump = () => {
    const s = ref.current;
    if (nextJob(s) === null) return;
    const delay = continueDelay(s);
    if (delay > 0) {
      apply(wait(s));
      timer.current = setTimeout(sendContinue, delay);
    } else {
      sendContinue();
    }
  };

  const create = (req: GenerateRequest) => {
    const before = ref.current;
    if (!canStart(before)) return;
    apply(start(before));
    const what = 'Не удалось создать документы';
    call('generateDocuments', req).then(
      (p) => answer(p, what),
      (e) => apply(fail(ref.current, `${what}: ${reason(e)}`)),
    );
  };

  const halt = () => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    apply(stop(ref.current));
  };

  const carryOn = () => {
    const before = ref.current;
    const next = resume(before);
    if (next === before) return;
    apply(next);
    pump();
  };

  const adopt = (job: BatchProgress | null | undefined) => {
    const before = ref.current;
    const next = syncJob(before, job);
    if (next !== before) apply(next);
  };

  const clearFailedStart = () => {
    const b = ref.current;
    if (!b.progress && b.error) apply(IDLE);
  };

  return { state, current: () => ref.current, create, halt, carryOn, adopt, clearFailedStart };
}
