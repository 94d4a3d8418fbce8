// Copies the WebXR input profiles the client loads offline (controller and hand models) into the build output.
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const INPUT_PROFILES = ['meta-quest-touch-plus', 'generic-trigger', 'generic-hand', 'generic-trigger-squeeze-thumbstick'] as const;

function profilesSourceDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('@webxr-input-profiles/assets/package.json');
  return path.join(path.dirname(packageJson), 'dist', 'profiles');
}

export async function copyInputProfiles(targetDir: string): Promise<void> {
  const source = profilesSourceDir();
  await mkdir(targetDir, { recursive: true });
  await cp(path.join(source, 'profilesList.json'), path.join(targetDir, 'profilesList.json'));
  for (const profile of INPUT_PROFILES) {
    await cp(path.join(source, profile), path.join(targetDir, profile), { recursive: true });
  }
}
