/**
 * «Разослать ссылки на выбор наставника» (issue 20.2): before pairing, each mentee gets a personal link
 * to «Выбор наставника»; «Подобрать» then honours their ranking.
 */
export function PairingChoiceLinks(props: { busy: string | null; onSend: () => void }) {
  return (
    <section class="pairing-choice" aria-label="Выбор наставника">
      <p class="hint">
        Наставляемые могут сами выбрать до трёх наставников из предложенных: их выбор учитывается при подборе в первую
        очередь, если у наставника есть места и подходит формат.
      </p>
      <button type="button" class="btn btn-secondary" disabled={props.busy !== null} onClick={props.onSend}>
        {props.busy === 'choice' ? 'Рассылаем…' : 'Разослать ссылки на выбор наставника'}
      </button>
    </section>
  );
}
