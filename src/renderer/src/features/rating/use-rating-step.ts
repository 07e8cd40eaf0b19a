import { useCallback, useEffect, useRef, useState } from 'react';
import type { RatingStep } from '../../../../shared/rating/rating-types';
import type { Result } from '../../../../shared/result';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import type { Answer } from './use-rating-keys';
import { useRatingsChanged } from './use-ratings-changed';

/** Same position, same image(s): a re-fetched step that changes nothing keeps the one on screen (and its timer). */
export function sameStep(a: RatingStep, b: RatingStep): boolean {
  const key = (step: RatingStep) => {
    const current = step.current;
    const shown = current === null ? '' : current.kind === 'single' ? current.postId : `${current.left}|${current.right}`;
    return `${step.index}/${step.done}/${step.skipped}/${step.total}/${shown}/${step.last?.postId ?? ''}`;
  };
  return key(a) === key(b);
}

/**
 * One rater's walk through a session. The backend keeps the position: `ratings.next` answers where the rater left
 * off (so a reload resumes there), and every answer or undo is saved before the next step comes back. One request at
 * a time: a key pressed while an answer is being saved is ignored, so an answer always belongs to the image on screen.
 */
export function useRatingStep(session: string, rater: string) {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [step, setStep] = useState<RatingStep | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  /** performance.now() when the current image(s) finished loading on screen; null until then. */
  const shownAt = useRef<number | null>(null);

  /** Bumped by every answer or undo sent from here: a re-fetch that started before one is stale and dropped. */
  const sent = useRef(0);

  /** Why the session cannot be opened (another project's session in the URL, a removed rater); null when it can. */
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    shownAt.current = null;
    void api.ratings.next({ session, rater }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setStep(result.value);
        setFailure(null);
      } else {
        setFailure(result.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [api, session, rater, reconnects]);

  const send = useCallback(
    async (request: () => Promise<Result<RatingStep>>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      sent.current += 1;
      setBusy(true);
      try {
        const next = await act(async () => call(await request()));
        if (next) {
          shownAt.current = null;
          setStep(next);
        }
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [act],
  );

  // Another window (or the CLI) answered or undid for this rater in this session: ask where the rater is now, so this
  // tab never answers for an image already answered elsewhere. Our own answers echo here too; they change nothing.
  useRatingsChanged((changes) => {
    const concernsUs = changes.some((change) => (change.session === null || change.session === session) && (change.rater === null || change.rater === rater));
    if (!concernsUs || inFlight.current) return;
    const startedAt = sent.current;
    void api.ratings.next({ session, rater }).then((result) => {
      if (!result.ok || inFlight.current || sent.current !== startedAt) return;
      setStep((previous) => {
        if (previous && sameStep(previous, result.value)) return previous;
        shownAt.current = null;
        return result.value;
      });
    });
  });

  const markShown = useCallback(() => {
    shownAt.current = performance.now();
  }, []);

  const answer = useCallback(
    (value: Answer) => {
      const current = step?.current;
      if (!step || !current) return;
      const ms = step.session.recordTime && shownAt.current !== null ? Math.round(performance.now() - shownAt.current) : undefined;
      const timing = ms === undefined ? {} : { ms };
      if (current.kind === 'single') {
        if (value === 'left' || value === 'right') return;
        void send(() => api.ratings.rate({ session, rater, postId: current.postId, rating: value, ...timing }));
      } else {
        if (value === 'good' || value === 'bad') return;
        void send(() => api.ratings.judge({ session, rater, left: current.left, right: current.right, winner: value, ...timing }));
      }
    },
    [api, rater, send, session, step],
  );

  const undo = useCallback(() => {
    if (!step?.last) return;
    void send(() => api.ratings.undo({ session, rater }));
  }, [api, rater, send, session, step]);

  return { step, failure, busy, answer, undo, markShown };
}
