// The friction a requester met in one session, step by step, for the agent helping them: marked by a sign and in words.
import { useTranslation } from 'react-i18next';
import type { FrictionMark } from '../../../core/activity.ts';
import type { Language } from '../../../core/languages.ts';

export function FrictionList({ marks, language }: { marks: readonly FrictionMark[]; language: Language }) {
  const { t } = useTranslation('activity');
  if (marks.length === 0) return null;
  return (
    <div className="activity-friction" data-testid="friction">
      <p className="activity-friction-label">
        <span aria-hidden="true">⚠ </span>
        {t('friction.label')}
      </p>
      <ul>
        {marks.map((mark) => (
          <li key={`${mark.guideId}/${mark.stepId}`} data-step-id={mark.stepId}>
            {mark.stepTitle[language]}: {mark.kinds.map((kind) => t(`friction.kind.${kind}`)).join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
