/** «Подобрать», «Сохранить», «Отменить изменения» and the hints on what the settings' state allows. */
export type PairingBusy = string | null;

export function PairingActions(props: {
  busy: PairingBusy;
  /** The settings differ from the ones the shown proposal was made with. */
  dirty: boolean;
  hasDraft: boolean;
  canSave: boolean;
  notice: string | null;
  onPropose: () => void;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { busy, dirty, hasDraft } = props;
  const off = busy !== null;
  return (
    <>
      <div class="actions">
        <button type="button" class="btn btn-primary" disabled={off} onClick={props.onPropose}>
          {busy === 'propose' ? 'Подбираем…' : 'Подобрать'}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={off || dirty || !props.canSave}
          onClick={props.onSave}
        >
          {busy === 'save' ? 'Сохранение…' : 'Сохранить'}
        </button>
        {(hasDraft || dirty) && (
          <button type="button" class="btn btn-secondary" disabled={off} onClick={props.onDiscard}>
            {busy === 'discard' ? 'Отменяем…' : 'Отменить изменения'}
          </button>
        )}
      </div>
      {hasDraft && !dirty && (
        <p class="hint" role="status">
          Есть несохранённые изменения подбора: они хранятся, пока вы не нажмёте «Сохранить» или «Отменить изменения».
        </p>
      )}
      {dirty && (
        <p class="hint" role="status">
          Настройки изменены — нажмите «Подобрать», чтобы увидеть новый подбор; сохранить можно после этого.
        </p>
      )}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
    </>
  );
}
