import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import './ConfirmDialog.css';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  /** Destructive confirm (data is lost): styled as a warning. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question (role alertdialog). Focus starts on "cancel" — the safe answer — stays
 * inside while open (Tab wraps), Escape cancels, and focus returns to where it came from.
 * Not <dialog>.showModal(): jsdom lacks it, and this is all we need.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
}: Props) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const buttons = [...box.current.querySelectorAll<HTMLElement>('button, a[href], input')];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <div class="confirm-dialog__backdrop">
      <div
        ref={box}
        class="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-t`} class="confirm-dialog__title">
          {title}
        </h2>
        <div id={`${id}-d`} class="confirm-dialog__body">
          {children}
        </div>
        <div class="confirm-dialog__actions">
          <button ref={cancel} type="button" class="btn btn--secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" class={`btn${danger ? ' btn--danger' : ''}`} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
