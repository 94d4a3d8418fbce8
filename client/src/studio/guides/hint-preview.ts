// Playing a step's hint once in the editor's 3D view: which step's hint plays, for a few seconds, then stops by itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StepHint } from '../../../../core/guide.ts';

export const PREVIEW_MS = 6000;

export interface HintPreview {
  playing: { step: number; hint: StepHint } | null;
  play(step: number, hint: StepHint): void;
  stop(): void;
}

export function useHintPreview(): HintPreview {
  const [playing, setPlaying] = useState<HintPreview['playing']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setPlaying(null);
  }, []);
  const play = useCallback(
    (step: number, hint: StepHint) => {
      stop();
      setPlaying({ step, hint });
      timer.current = setTimeout(stop, PREVIEW_MS);
    },
    [stop],
  );
  useEffect(() => stop, [stop]);
  return { playing, play, stop };
}
