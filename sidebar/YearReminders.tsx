/** «Напоминания»: on or off, and when they last ran (switched on the «Настройки» sheet). */
import type { YearView } from '../src/contract/serverApi';
import { formatDate } from './format';

export function YearReminders(props: { reminders: YearView['reminders'] | undefined }) {
  const r = props.reminders;
  return (
    <section aria-labelledby="h-rem">
      <h2 id="h-rem">Напоминания</h2>
      <p>
        {r?.enabled ? 'Включены' : 'Выключены'}
        {' · '}
        {r?.lastRun ? `последний запуск ${formatDate(r.lastRun)}` : 'ещё не запускались'}
      </p>
      <p class="hint">Включаются и выключаются на листе «Настройки».</p>
    </section>
  );
}
