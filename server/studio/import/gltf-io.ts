// The glTF reader/writer of the import worker: every extension glTF-Transform knows, meshopt encoding and decoding ready,
// and a Draco decoder added when a model needs it.
import { createRequire } from 'node:module';
import { Logger, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';

let io: Promise<NodeIO> | undefined;

async function createIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return new NodeIO()
    .setLogger(new Logger(Logger.Verbosity.ERROR))
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

export function gltfIO(): Promise<NodeIO> {
  io ??= createIO();
  return io;
}

let draco: Promise<void> | undefined;

/** Registers the Draco decoder (KHR_draco_mesh_compression) on the shared reader; loaded on first need only. */
export function enableDracoDecoding(): Promise<void> {
  draco ??= (async () => {
    const { createDecoderModule } = createRequire(import.meta.url)('draco3dgltf') as { createDecoderModule: () => Promise<unknown> };
    const [reader, decoder] = await Promise.all([gltfIO(), createDecoderModule()]);
    reader.registerDependencies({ 'draco3d.decoder': decoder });
  })();
  return draco;
}
