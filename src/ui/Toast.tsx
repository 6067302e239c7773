// A short confirmation at the bottom of the screen, with one action (such as undo).

import { useEffect } from 'preact/hooks';

export const TOAST_MS = 8_000;

export function Toast(props: {
  message: string;
  action?: string;
  onAction?: () => void;
  onClose: () => void;
}) {
  const { onClose } = props;
  useEffect(() => {
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div class="toast" role="status" data-testid="toast">
      <span>{props.message}</span>
      {props.action && props.onAction ? (
        <button type="button" class="button button-small button-inverse" onClick={props.onAction}>
          {props.action}
        </button>
      ) : null}
    </div>
  );
}
