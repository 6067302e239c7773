// A modal question before something that cannot simply be undone (revoking a device,
// closing a location): the browser's own <dialog>, so focus stays inside and Escape cancels.

import { useEffect, useRef } from 'preact/hooks';
import { text } from './text';

export function ConfirmDialog(props: {
  message: string | null;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.message !== null && !element.open) element.showModal();
    if (props.message === null && element.open) element.close();
  }, [props.message]);
  return (
    <dialog
      ref={dialog}
      class="beheer-dialog"
      aria-labelledby="confirm-text"
      onClose={props.onCancel}
    >
      <p id="confirm-text">{props.message}</p>
      <div class="beheer-actions">
        <button type="button" class="button button-danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {text.locations.cancel}
        </button>
      </div>
    </dialog>
  );
}
