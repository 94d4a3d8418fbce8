// What kind of device the survey is answered on, as well as the browser can tell: a headset's browser, a phone (a coarse
// pointer on a narrow screen) or a desktop.
import type { DeviceKind } from '../../../core/survey.ts';

const HEADSET_BROWSERS = /OculusBrowser|Quest|Pico|Vision Pro|Android XR/i;

export function deviceKind(): DeviceKind {
  if (HEADSET_BROWSERS.test(navigator.userAgent)) return 'headset';
  const coarse = window.matchMedia('(pointer: coarse)').matches;
  return coarse || Math.min(window.screen.width, window.innerWidth) < 600 ? 'phone' : 'desktop';
}
