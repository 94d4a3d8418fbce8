// Where tests find the generated product assets, and a guard that builds them when `npm run assets` has not run.
import { access } from 'node:fs/promises';
import { buildAssets } from '../../assets/scripts/build-assets.ts';
import { BUILD_REPORT_PATH, INPUT_PROFILES_DIR, modelPath, rawModelPath } from '../../assets/scripts/asset-paths.ts';

export {
  BUILD_DIR,
  BUILD_REPORT_PATH,
  INPUT_PROFILES_DIR,
  MODELS_DIR,
  PRODUCTS_DIR,
  THUMBNAILS_DIR,
  manifestPath,
  modelPath,
  rawModelPath,
  thumbnailPath,
} from '../../assets/scripts/asset-paths.ts';

/** The demo products the asset build generates. */
export const DEMO_PRODUCT_IDS = ['wheel-corner', 'espresso-machine', 'water-heater'] as const;
export type DemoProductId = (typeof DEMO_PRODUCT_IDS)[number];

let building: Promise<void> | undefined;

/** Builds assets/build/ unless every model, the report and the input profiles are already there. */
export async function ensureAssetsBuilt(): Promise<void> {
  const outputs = [BUILD_REPORT_PATH, INPUT_PROFILES_DIR, ...DEMO_PRODUCT_IDS.flatMap((id) => [modelPath(id), rawModelPath(id)])];
  const present = await Promise.all(outputs.map((file) => access(file).then(() => true, () => false)));
  if (present.every(Boolean)) return;
  building ??= buildAssets().then(() => undefined);
  await building;
}
