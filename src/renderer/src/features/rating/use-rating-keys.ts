import { useEffect, useRef } from 'react';
import type { RatingMode } from '../../../../shared/rating/rating-types';

export type Answer = 'good' | 'bad' | 'skip' | 'left' | 'right';

/** Which key gives which answer, per mode; what the on-screen hints show too. */
export const ratingKeys: Record<RatingMode, Record<string, Answer | 'undo'>> = {
  single: { g: 'good', ArrowRight: 'good', b: 'bad', ArrowLeft: 'bad', s: 'skip', u: 'undo', Backspace: 'undo' },
  pairwise: { ArrowLeft: 'left', ArrowRight: 'right', s: 'skip', u: 'undo', Backspace: 'undo' },
};

/** True when a key press belongs to a field the user is typing in (a rater name, a number), not to the rating. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * The rating keyboard: G / → good, B / ← bad, S skip, U / Backspace undo (pairwise: ← left, → right). A held key
 * answers once; keys with Ctrl, Alt or Meta are left to the browser and the page shortcuts.
 */
export function useRatingKeys(mode: RatingMode, enabled: boolean, handlers: { answer(answer: Answer): void; undo(): void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || event.defaultPrevented || isTyping(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const action = ratingKeys[mode][key];
      if (!action) return;
      event.preventDefault();
      if (action === 'undo') latest.current.undo();
      else latest.current.answer(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mode, enabled]);
}
