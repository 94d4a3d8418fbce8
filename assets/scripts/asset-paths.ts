// Where asset sources live and where the build writes its output (the server serves assets/build/ under /assets/).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ASSETS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = path.dirname(ASSETS_DIR);
export const PRODUCTS_DIR = path.join(ASSETS_DIR, 'products');
export const THUMBNAILS_DIR = path.join(ASSETS_DIR, 'thumbnails');
export const BUILD_DIR = path.join(ASSETS_DIR, 'build');
export const RAW_MODELS_DIR = path.join(BUILD_DIR, 'raw');
export const MODELS_DIR = path.join(BUILD_DIR, 'models');
export const INPUT_PROFILES_DIR = path.join(BUILD_DIR, 'input-profiles');
export const BUILD_REPORT_PATH = path.join(BUILD_DIR, 'report.json');

export const manifestPath = (productId: string): string => path.join(PRODUCTS_DIR, `${productId}.json`);
export const rawModelPath = (productId: string): string => path.join(RAW_MODELS_DIR, `${productId}.glb`);
export const modelPath = (productId: string): string => path.join(MODELS_DIR, `${productId}.glb`);
export const thumbnailPath = (productId: string): string => path.join(THUMBNAILS_DIR, `${productId}.webp`);
