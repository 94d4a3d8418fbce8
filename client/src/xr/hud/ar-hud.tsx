// The headset HUD (no DOM overlay): a tray of buttons below the gaze that follows the person lazily (it moves only once
// they walked or turned away), and the one sheet a page opens, with the tray right below it, kept whole in view
// wherever the person looks (sheet-follow.ts). Pressed with a controller ray, a hand pinch or
// a tap, like the step panel. Its hints speak of a headset's trigger and pinch (phones' DOM overlay speaks of taps).
import { useMemo, useRef, type ReactNode } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { Vector3, type Group } from 'three';
import type { Placement } from '../../../../core/catalog.ts';
import type { PanelBlock, PanelButton } from '../../three/panel-layout.ts';
import { useStore } from '../../state/use-store.ts';
import { ConnectionNote } from './connection-note.tsx';
import { HudContext, type HudPlacement } from './hud-context.ts';
import { HudPanel } from './hud-panel.tsx';
import type { HudStore } from './hud-store.ts';
import { createSheetFollow } from './sheet-follow.ts';

export interface ArHudProps {
  hud: HudStore;
  placement: HudPlacement;
  surface: Placement;
  leave: () => void;
  /** What the page adds: tray buttons (useHudTray) and sheets (HudSheet). */
  children?: ReactNode;
}

const TURN = Math.PI / 12;
/** The tray moves in front of the person again once they walked this far or turned this much. */
const FOLLOW_AFTER_METRES = 0.35;
const FOLLOW_AFTER_RADIANS = (40 * Math.PI) / 180;
const AHEAD_METRES = 0.5;
const BELOW_EYE_METRES = 0.42;
/** The tray leans back below the gaze; under an open sheet it stands in the sheet's plane. */
const TRAY_TILT = -0.55;

const eye = new Vector3();
const forward = new Vector3();

function angleBetween(a: number, b: number): number {
  const diff = Math.abs(a - b) % (2 * Math.PI);
  return diff > Math.PI ? 2 * Math.PI - diff : diff;
}

export function ArHud({ hud, placement, surface, leave, children }: ArHudProps) {
  const { t } = useTranslation('catalog');
  const camera = useThree((three) => three.camera);
  const follow = useRef<Group>(null);
  const tilt = useRef<Group>(null);
  const sheetSlot = useRef<Group>(null);
  const sheetFollow = useMemo(() => createSheetFollow(), []);
  const placedAt = useRef<{ eye: Vector3; yaw: number } | null>(null);
  const groups = useStore(hud, (state) => state.groups);
  const phase = useStore(placement, (state) => state.phase);
  const paused = useStore(placement, (state) => state.paused);

  const wall = surface === 'wall';
  const hint = phase === 'searching' ? t(wall ? 'ar.headsetFindWall' : 'ar.headsetFindFloor') : phase === 'ready' || phase === 'moving' ? t(wall ? 'ar.headsetPlaceWall' : 'ar.headsetPlaceFloor') : null;
  const blocks = useMemo((): PanelBlock[] => {
    const own: PanelButton[] = [];
    if (phase === 'placed' && !paused && surface === 'floor') {
      own.push({ id: 'ar:turn-left', label: t('ar.rotateLeft'), enabled: true }, { id: 'ar:turn-right', label: t('ar.rotateRight'), enabled: true });
    }
    if (phase === 'placed' && !paused) own.push({ id: 'ar:move', label: t('ar.moveAgain'), enabled: true });
    own.push({ id: 'ar:leave', label: t('ar.exit'), enabled: true, tone: 'primary' });
    const buttons = [...groups.flatMap((entry) => entry.group.buttons), ...own];
    const notes = groups.flatMap((entry): PanelBlock[] => (entry.group.notes ?? []).map((note) => ({ kind: 'note', text: note.text, tone: note.tone })));
    return [...notes, ...(hint && !paused ? [{ kind: 'note' as const, text: hint, tone: 'info' as const }] : []), { kind: 'buttons', buttons, columns: 3, height: 84 }];
  }, [groups, phase, paused, surface, hint, t]);

  const press = (id: string) => {
    if (id === 'ar:turn-left') placement.rotateBy(TURN);
    else if (id === 'ar:turn-right') placement.rotateBy(-TURN);
    else if (id === 'ar:move') placement.startMoving();
    else if (id === 'ar:leave') leave();
    else groups.find((entry) => entry.group.buttons.some((button) => button.id === id))?.group.onPress(id);
  };

  useFrame(() => {
    const group = follow.current;
    if (!group || !tilt.current || !sheetSlot.current) return;
    camera.getWorldPosition(eye);
    camera.getWorldDirection(forward);
    const pitch = Math.asin(Math.max(-1, Math.min(1, forward.y)));
    forward.setY(0);
    if (forward.lengthSq() < 1e-6) forward.set(0, 0, -1);
    forward.normalize();
    const yaw = Math.atan2(-forward.x, -forward.z);
    const withSheet = sheetFollow.update(sheetSlot.current, group, { eye, forward, yaw, pitch }, camera);
    tilt.current.rotation.x = withSheet ? 0 : TRAY_TILT;
    if (withSheet) {
      placedAt.current = null;
      return;
    }
    const last = placedAt.current;
    if (last && last.eye.distanceTo(eye) < FOLLOW_AFTER_METRES && angleBetween(last.yaw, yaw) < FOLLOW_AFTER_RADIANS) return;
    placedAt.current = { eye: eye.clone(), yaw };
    group.position.copy(eye).addScaledVector(forward, AHEAD_METRES);
    group.position.y = eye.y - BELOW_EYE_METRES;
    group.rotation.set(0, yaw, 0);
  });

  const context = useMemo(() => ({ hud, placement, leave }), [hud, placement, leave]);
  return (
    <HudContext.Provider value={context}>
      <group name="hud">
        <group ref={follow} name="hud-tray-slot">
          <group ref={tilt}>
            <HudPanel name="hud-tray" id="tray" blocks={blocks} onPress={press} />
          </group>
        </group>
        <ConnectionNote />
        <group ref={sheetSlot} name="hud-sheet-slot">
          {children}
        </group>
      </group>
    </HudContext.Provider>
  );
}
