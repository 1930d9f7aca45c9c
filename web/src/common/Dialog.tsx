/**
 * A modal on the native <dialog> element: focus is trapped and restored
 * by the browser, Escape closes it, and the page behind is inert. It is
 * never closed from an effect cleanup: unmounting removes it from the top
 * layer anyway, and a cleanup's close would fire `close` (and so
 * `onClose`) when StrictMode re-runs the effect.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <header>
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
