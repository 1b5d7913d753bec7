import { useEffect, useRef } from 'react';
import { useStore } from '../store/index.ts';
import { SHORTCUT_HELP } from './shortcuts.ts';

/** The "?" dialog listing every keyboard shortcut. A native <dialog>: focus trap and Esc for free. */
export default function ShortcutsDialog() {
  const open = useStore((s) => s.shortcutsOpen);
  const toggled = useStore((s) => s.shortcutsDialogToggled);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => toggled(false)}
      onClick={(e) => {
        if (e.target === e.currentTarget) toggled(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.description}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Mouse: drag to orbit, scroll to zoom, right-drag to pan. Click to select.
      </p>
      <button type="button" className="btn" autoFocus onClick={() => toggled(false)}>
        Close
      </button>
    </dialog>
  );
}
