// Size and stance: the real dimensions (W × H × D in cm), a correction that keeps proportions with the plausibility
// warning shown as the author types, floor or wall, and the turns that fix which way is up and front.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { editWarnings, scaleFor, type StudioDraft, type StudioOrientation } from '../../../core/studio.ts';
import { formatCentimetres } from '../components/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import type { DraftStore } from './draft-store.ts';

type Side = 'width' | 'height' | 'depth';
const SIDES: Side[] = ['width', 'height', 'depth'];
const cm = (metres: number) => Math.round(metres * 10000) / 100;

function SizeCorrection({ draft, store }: { draft: StudioDraft; store: DraftStore }) {
  const { t } = useTranslation('studio');
  const [typed, setTyped] = useState(() => ({ width: cm(draft.dimensions.width), height: cm(draft.dimensions.height), depth: cm(draft.dimensions.depth) }));
  const corrected = { width: typed.width / 100, height: typed.height / 100, depth: typed.depth / 100 };
  const live = editWarnings({ dimensions: corrected, landmarks: [] });
  /** One side typed: the others follow, since a correction fixes a unit and never stretches the model. */
  const onSide = (side: Side, value: number) => {
    const ratio = draft.dimensions[side] > 0 ? value / cm(draft.dimensions[side]) : 1;
    if (!Number.isFinite(ratio) || ratio <= 0) return setTyped((current) => ({ ...current, [side]: value }));
    setTyped({ width: cm(draft.dimensions.width * ratio), height: cm(draft.dimensions.height * ratio), depth: cm(draft.dimensions.depth * ratio), [side]: value });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (scaleFor(draft.measured, draft.orientation, corrected) !== null) void store.edit({ dimensions: corrected });
  };
  return (
    <form className="studio-form" onSubmit={onSubmit} aria-labelledby="studio-size-title">
      <h3 id="studio-size-title">{t('review.correctTitle')}</h3>
      <div className="studio-size-inputs">
        {SIDES.map((side) => (
          <label key={side}>
            {t(`review.${side}`)}
            <input type="number" min={0} step="any" inputMode="decimal" value={typed[side]} onChange={(event) => onSide(side, Number(event.target.value))} />
          </label>
        ))}
      </div>
      {live.map((warning) => (
        <p key={warning.code} className="studio-warning" role="alert">
          {t('review.implausible', { size: `${typed.width} × ${typed.height} × ${typed.depth}` })}
        </p>
      ))}
      <div className="studio-actions">
        <button type="submit">{t('review.applySize')}</button>
        {draft.scale !== 1 && (
          <button type="button" onClick={() => void store.edit({ dimensions: null })}>
            {t('review.undoSize')}
          </button>
        )}
      </div>
    </form>
  );
}

function Orientation({ draft, store }: { draft: StudioDraft; store: DraftStore }) {
  const { t } = useTranslation('studio');
  const turn = (change: Partial<StudioOrientation>) => void store.edit({ orientation: { ...draft.orientation, ...change } });
  const { xTurns, zTurns, yawDegrees } = draft.orientation;
  const yaw = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;
  return (
    <fieldset className="studio-orientation">
      <legend>{t('review.orientationTitle')}</legend>
      <p className="muted">{t('review.orientationHint')}</p>
      <div className="studio-actions">
        <button type="button" onClick={() => turn({ xTurns: (xTurns + 1) % 4 })}>
          {t('review.turnX')}
        </button>
        <button type="button" onClick={() => turn({ zTurns: (zTurns + 1) % 4 })}>
          {t('review.turnZ')}
        </button>
        <button type="button" onClick={() => turn({ yawDegrees: yaw(yawDegrees + 90) })}>
          {t('review.turnFront')}
        </button>
      </div>
      <label>
        {t('review.yaw')}
        <input type="range" min={-180} max={180} step={5} value={yawDegrees} aria-valuetext={t('review.degrees', { degrees: yawDegrees })} onChange={(event) => turn({ yawDegrees: Number(event.target.value) })} />
      </label>
      <p role="status">{t('review.orientationNow', { x: xTurns * 90, z: zTurns * 90, yaw: yawDegrees })}</p>
    </fieldset>
  );
}

export function ReviewPanel({ draft, store }: { draft: StudioDraft; store: DraftStore }) {
  const { t } = useTranslation('studio');
  const { width, height, depth } = draft.dimensions;
  const language = currentLanguage();
  return (
    <section aria-labelledby="studio-review-title" className="studio-panel">
      <h2 id="studio-review-title">{t('review.title')}</h2>
      <p className="studio-dimensions" data-testid="studio-dimensions">
        {t('review.dimensions', { width: formatCentimetres(width, language), height: formatCentimetres(height, language), depth: formatCentimetres(depth, language) })}
      </p>
      <p className="muted">{t('review.units', { unit: draft.units.source, from: draft.units.from })}</p>
      <SizeCorrection key={`${draft.scale}-${xyz(draft.orientation)}`} draft={draft} store={store} />
      <fieldset>
        <legend>{t('review.placement')}</legend>
        {(['floor', 'wall'] as const).map((placement) => (
          <label key={placement} className="studio-radio">
            <input type="radio" name="placement" checked={draft.placement === placement} onChange={() => void store.edit({ placement })} />
            {t(`review.${placement}`)}
          </label>
        ))}
      </fieldset>
      <Orientation draft={draft} store={store} />
    </section>
  );
}

const xyz = (orientation: StudioOrientation) => `${orientation.xTurns}${orientation.zTurns}${orientation.yawDegrees}`;
