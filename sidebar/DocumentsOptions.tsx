/** «Параметры» of the documents to create: also a PDF, and the documents' date. */
export function DocumentsOptions(props: {
  disabled: boolean;
  pdf: boolean;
  onPdf: (pdf: boolean) => void;
  date: string;
  dateOk: boolean;
  onDate: (date: string) => void;
}) {
  return (
    <fieldset class="doc-options" disabled={props.disabled}>
      <legend>Параметры</legend>
      <div class="doc-check">
        <input
          type="checkbox"
          id="doc-pdf"
          checked={props.pdf}
          onChange={(e) => props.onPdf(!!e.currentTarget.checked)}
        />
        <label for="doc-pdf">Сохранить также PDF</label>
      </div>
      <div class="field">
        <label for="doc-date">Дата документов</label>
        <input
          type="date"
          id="doc-date"
          value={props.date}
          aria-invalid={!props.dateOk}
          onInput={(e) => props.onDate(e.currentTarget.value)}
          onChange={(e) => props.onDate(e.currentTarget.value)}
        />
      </div>
      {!props.dateOk && <p class="hint red">Укажите дату документов.</p>}
    </fieldset>
  );
}
