import { useEffect, useRef } from 'react';

/** A key combination as written in docs/console.md: "Ctrl+K", "Alt+Enter", "Alt+1". */
export type Shortcut = `${'Ctrl' | 'Alt'}+${string}`;

/** The workspace's keyboard shortcuts, active while the conversation is open. */
export function useShortcuts(handlers: Partial<Record<Shortcut, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey ? 'Ctrl' : event.altKey ? 'Alt' : undefined;
      if (!modifier) return;
      // event.code, not event.key: Alt+1 types other characters on some layouts (macOS).
      const key = event.code.startsWith('Digit') ? event.code.slice(5) : event.code.replace(/^Key/, '');
      const handler = latest.current[`${modifier}+${key}` as Shortcut];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
