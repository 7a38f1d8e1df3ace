/** One stage of the roadmap: done of active, its bar, and what is overdue. */
import type { StageProgress } from '../src/contract/serverApi';
import { ProgressBar } from './ui';

export function ProgressStage({ s }: { s: StageProgress }) {
  const active = Math.max(0, s.total - s.cancelled);
  return (
    <li class="stage">
      <div class="stage-line">
        <span class="stage-no">{s.stage}</span>
        <span class="stage-title" title={s.title}>
          {s.title}
        </span>
        <span class="stage-count">
          {s.done}/{active}
        </span>
      </div>
      <ProgressBar percent={s.percent} label={`Этап ${s.stage}: ${s.percent}%`} thin />
      {s.overdue > 0 && <div class="red small">просрочено: {s.overdue}</div>}
    </li>
  );
}
