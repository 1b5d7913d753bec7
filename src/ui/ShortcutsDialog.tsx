import { useEffect, useRef } from 'react';
import { useStore } from '../store/index.ts';
import { NEEDLE_SHORTCUT_HELP, SHORTCUT_HELP, TEACH_SHORTCUT_HELP } from './shortcuts.ts';

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
      {/* focus starts at the top (a Close button only at the bottom, focused, opened the dialog
          scrolled to its end) */}
      <div className="dialog-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="btn btn-small"
          autoFocus
          aria-label="Close the shortcuts"
          onClick={() => toggled(false)}
        >
          ×
        </button>
      </div>
      {[
        { title: 'Everywhere', rows: SHORTCUT_HELP },
        { title: 'Needle mode', rows: NEEDLE_SHORTCUT_HELP },
        { title: 'Teach mode', rows: TEACH_SHORTCUT_HELP },
      ].map((group) => (
        <table className="shortcuts" key={group.title}>
          <caption>{group.title}</caption>
          <tbody>
            {group.rows.map((s) => (
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
      ))}
      <p className="hint">
        Mouse: drag to orbit, scroll to zoom, right-drag to pan. Click to select; in needle mode,
        click the skin to place the needle.
      </p>
      <button type="button" className="btn" onClick={() => toggled(false)}>
        Close
      </button>
    </dialog>
  );
}
