// "View in your space": enters WebXR AR where it exists, offers Quick Look on iOS, and explains itself elsewhere.
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { useArSupport } from './ar-support.ts';
import { errorText } from '../i18n/error-text.ts';

const ArExperience = lazy(() => import('./ar-experience.tsx'));
/** Asked for only on a desktop, when the person opens the hint. */
const QrCode = lazy(() => import('../components/qr-code.tsx').then((module) => ({ default: module.QrCode })));
/** Only with `?emulate=1`: a developer's page, never a visitor's. */
const EmulatorNote = lazy(() => import('./emulator-note.tsx'));

export interface ArLauncherProps {
  product: ProductDetail;
  color: string | null;
  onPartSelect?: (partId: string) => void;
  /** Scene content in the placed product's frame while in AR. */
  children?: ReactNode;
  /** DOM content over the AR view. */
  overlay?: ReactNode;
  /** Scene content in world space while in AR (see ArExperience). */
  world?: ReactNode;
  /** What the page adds to the headset HUD (see ArExperience); load it lazily, it is needed only in AR. */
  hud?: ReactNode;
  /** Called when an AR session starts or ends. */
  onActiveChange?: (active: boolean) => void;
}

export function ArLauncher({ product, color, onPartSelect, children, overlay, world, hud, onActiveChange }: ArLauncherProps) {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { support, emulatorProblem } = useArSupport();
  const [active, setActive] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [showQr, setShowQr] = useState(false);

  const onExit = useCallback(
    (error?: string) => {
      setActive(false);
      onActiveChange?.(false);
      setMessage(error ? (error === 'unsupported' ? t('ar.unsupported') : t('ar.failed', { message: error })) : null);
    },
    [t, onActiveChange],
  );

  const openQuickLook = async () => {
    setPreparing(true);
    try {
      const { openQuickLook: open } = await import('./quick-look.ts');
      await open(product.modelUrl, color, product.name[language]);
    } catch (error) {
      setMessage(t('ar.failed', { message: errorText(error) }));
    } finally {
      setPreparing(false);
    }
  };

  return (
    <section className="ar-launcher" aria-label={t('ar.viewInSpace')}>
      {support === 'checking' && <p role="status">{t('ar.checking')}</p>}
      {(support === 'webxr' || support === 'emulated') && (
        <button type="button" className="primary" onClick={() => {
            setMessage(null);
            setActive(true);
            onActiveChange?.(true);
          }} onPointerEnter={() => void import('./ar-experience.tsx')} data-testid="enter-ar">
          {t('ar.viewInSpace')}
        </button>
      )}
      {support === 'quick-look' && (
        <button type="button" className="primary" onClick={() => void openQuickLook()} disabled={preparing} data-testid="quick-look">
          {preparing ? t('ar.preparingQuickLook') : t('ar.quickLook')}
        </button>
      )}
      {support === 'none' && (
        <div className="ar-unsupported" data-testid="ar-unsupported">
          <button type="button" className="primary" disabled aria-describedby="ar-unsupported-text">
            {t('ar.viewInSpace')}
          </button>
          <p id="ar-unsupported-text">{t('ar.unsupported')}</p>
          <details onToggle={(event) => setShowQr((event.target as HTMLDetailsElement).open)}>
            <summary data-testid="show-qr">{t('ar.desktopHint')}</summary>
            {showQr && (
              <Suspense fallback={null}>
                <QrCode url={window.location.href} label={t('ar.qrAlt')} />
              </Suspense>
            )}
          </details>
        </div>
      )}
      {(emulatorProblem || support === 'emulated') && (
        <Suspense fallback={null}>
          <EmulatorNote problem={emulatorProblem} />
        </Suspense>
      )}
      {support !== 'none' && support !== 'checking' && <p className="true-scale">{t('ar.trueScale')}</p>}
      {message && (
        <p role="alert" className="status-error">
          {message}
        </p>
      )}
      {active && (
        <Suspense fallback={<p role="status">{t('loading', { ns: 'common' })}</p>}>
          <ArExperience product={product} color={color} onExit={onExit} overlay={overlay} world={world} hud={hud} {...(onPartSelect ? { onPartSelect } : {})}>
            {children}
          </ArExperience>
        </Suspense>
      )}
    </section>
  );
}
