/** «Анализ банка наставников»: per requested competence, who asks and how many places there are. */
import type { PairingView } from '../src/contract/serverApi';
import { plural } from '../src/domain/russianPlural';

export function PairingCoverage(props: { coverage: PairingView['coverage'] }) {
  const gaps = props.coverage.filter((c) => c.gap > 0).length;
  return (
    <details class="coverage">
      <summary>
        Анализ банка наставников{' '}
        {gaps > 0 && (
          <span class="count count-red">
            {gaps} {plural(gaps, 'дефицит', 'дефицита', 'дефицитов')}
          </span>
        )}
      </summary>
      <p class="hint">
        Для каждой запрошенной компетенции: сколько наставляемых о ней просят и сколько мест у наставников, которые ей
        владеют. Дефицит — кого школе нужно найти или обучить.
      </p>
      <div class="table-wrap">
        <table class="coverage-table">
          <thead>
            <tr>
              <th scope="col">Компетенция</th>
              <th scope="col">Просят</th>
              <th scope="col">Мест</th>
              <th scope="col">Дефицит</th>
            </tr>
          </thead>
          <tbody>
            {props.coverage.map((c, i) => (
              <tr key={`${c.competence}-${i}`} class={c.gap > 0 ? 'gap' : undefined}>
                <th scope="row">{c.competence}</th>
                <td>{c.menteesAsking}</td>
                <td>{c.mentorCapacity}</td>
                <td>{c.gap > 0 ? c.gap : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
