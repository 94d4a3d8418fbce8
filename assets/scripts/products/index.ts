// Every demo product the asset build generates, in catalogue order.
import type { ProductModel } from '../product-model.ts';
import { buildEspressoMachine } from './espresso-machine.ts';
import { buildWaterHeater } from './water-heater.ts';
import { buildWheelCorner } from './wheel-corner.ts';

export interface ProductSource {
  id: string;
  build: () => ProductModel;
}

export const PRODUCTS: readonly ProductSource[] = [
  { id: 'wheel-corner', build: buildWheelCorner },
  { id: 'espresso-machine', build: buildEspressoMachine },
  { id: 'water-heater', build: buildWaterHeater },
];
