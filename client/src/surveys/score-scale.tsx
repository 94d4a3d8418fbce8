// One score question as a radio group of number buttons: one tap picks a score; arrow keys move between them and a
// screen reader hears the question, each number and the meaning of the scale's ends.
import { useId } from 'react';

export interface ScoreScaleProps {
  question: string;
  scores: readonly number[];
  value: number | undefined;
  onChoose: (value: number) => void;
  /** What the lowest and highest scores mean, shown under the scale. */
  low: string;
  high: string;
  /** A name per score (e.g. "Very satisfied"), heard with its number. */
  names?: readonly string[];
  testId: string;
}

export function ScoreScale({ question, scores, value, onChoose, low, high, names, testId }: ScoreScaleProps) {
  const id = useId();
  return (
    <div className="survey-question">
      <p id={`${id}-q`} className="survey-question-text">
        {question}
      </p>
      <div role="radiogroup" aria-labelledby={`${id}-q`} aria-describedby={`${id}-ends`} className="survey-scale" data-testid={testId}>
        {scores.map((score, index) => {
          const name = names?.[index] ?? (index === 0 ? low : index === scores.length - 1 ? high : null);
          return (
            <label key={score} className={`survey-score${value === score ? ' chosen' : ''}`}>
              <input type="radio" className="visually-hidden" name={`${id}-score`} value={score} checked={value === score} onChange={() => onChoose(score)} />
              <span>{score}</span>
              {name && <span className="visually-hidden"> – {name}</span>}
            </label>
          );
        })}
      </div>
      <p id={`${id}-ends`} className="survey-ends">
        <span>{low}</span>
        <span>{high}</span>
      </p>
    </div>
  );
}
