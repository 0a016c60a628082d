import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelCardRenderer } from './model-card-renderer.ts';
import { ModelIntegrityError } from './model-integrity.error.ts';
import { MANIFEST_FILE, MODEL_CARD_FILE, MODEL_FILE, type ModelManifest } from './model-manifest.ts';
import { sha256Hex } from './sha256.ts';

/** A model directory: model.onnx, model-card.md and manifest.json holding the sha256 of the other two. */
export class ModelPackage {
  private constructor(
    readonly manifest: ModelManifest,
    readonly onnx: Uint8Array,
  ) {}

  static async write(dir: string, onnx: Uint8Array, manifest: Omit<ModelManifest, 'files'>): Promise<ModelManifest> {
    await mkdir(dir, { recursive: true });
    const card = new ModelCardRenderer().render(manifest);
    await writeFile(join(dir, MODEL_FILE), onnx);
    await writeFile(join(dir, MODEL_CARD_FILE), card);
    const complete: ModelManifest = {
      ...manifest,
      files: { [MODEL_FILE]: sha256Hex(onnx), [MODEL_CARD_FILE]: sha256Hex(card) },
    };
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(complete, null, 2)}\n`);
    return complete;
  }

  /** Reads a package and checks every file against the manifest; throws ModelIntegrityError on any mismatch. */
  static async read(dir: string): Promise<ModelPackage> {
    const manifest = await readFile(join(dir, MANIFEST_FILE), 'utf8')
      .then((text) => JSON.parse(text) as ModelManifest)
      .catch(() => {
        throw new ModelIntegrityError(MANIFEST_FILE, 'missing or not valid JSON');
      });
    if (!manifest.files?.[MODEL_FILE]) throw new ModelIntegrityError(MODEL_FILE, 'not listed in the manifest');
    const contents = new Map<string, Uint8Array>();
    for (const [file, expected] of Object.entries(manifest.files)) {
      if (file.includes('/') || file.includes('\\')) throw new ModelIntegrityError(file, 'path outside the package');
      const bytes = await readFile(join(dir, file)).catch(() => {
        throw new ModelIntegrityError(file, 'missing');
      });
      const actual = sha256Hex(bytes);
      if (actual !== expected) {
        throw new ModelIntegrityError(file, `sha256 ${actual} does not match the manifest (${expected})`);
      }
      contents.set(file, bytes);
    }
    return new ModelPackage(manifest, contents.get(MODEL_FILE) as Uint8Array);
  }
}
