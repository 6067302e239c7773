// A short confirmation at the top of the screen, with one action (such as undo).
// It closes itself after a few seconds, counted from when it appeared.

import { useEffect, useRef } from 'preact/hooks';

export const TOAST_MS = 8_000;

export function Toast(props: {
  message: string;
  action?: string;
  onAction?: () => void;
  onClose: () => void;
}) {
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const timer = setTimeout(() => onClose.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, []);
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
