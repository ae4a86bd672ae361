import { useEffect, useRef } from 'react';

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/**
 * True where a key press belongs to what has focus: text fields, pickers, open drop-downs, and any area marked
 * `data-hotkeys="off"` (the CSI form, whose own controls use digits and arrows).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-hotkeys="off"], .ant-picker-dropdown, .ant-select-dropdown, .ant-modal'))
    return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  const role = target.getAttribute('role');
  return role === 'combobox' || role === 'spinbutton' || role === 'textbox';
}

/**
 * One window-level key listener for a screen. The handler returns true when it used the key (the default
 * action is then prevented). Modifier chords are left alone except where the handler reads them itself.
 */
export function useHotkeys(handler: (event: KeyboardEvent) => boolean, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      if (ref.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
