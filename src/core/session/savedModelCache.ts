import * as fs from 'fs';
import * as path from 'path';
import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import type { LoadedData } from '../data/dataTypes';
import { loadLayersModelFromDir } from '../runs/modelFiles';
import { loadPreprocessing } from '../runs/preprocessingFile';
import { MODEL_JSON, WEIGHTS_FILE } from '../runs/runSummary';

/** Models kept loaded: the panel's run, and one more for a second panel. */
const KEPT = 2;

interface Entry {
  key: string;
  model: Promise<LayersModel>;
  data: LoadedData;
}

/**
 * Saved models kept loaded between predictions, so the `Draw a digit` pad and the `Try it` form get an
 * answer in milliseconds rather than after loading the model each time. A run that is still training
 * rewrites its weights at epoch ends: the files' modification times are part of the key, so a newer
 * model is loaded and the older one let go.
 */
export class SavedModelCache {
  private readonly entries = new Map<string, Entry>();

  async get(tf: Tf, runDir: string): Promise<{ model: LayersModel; data: LoadedData }> {
    const key = versionOf(runDir);
    const found = this.entries.get(runDir);
    if (found && found.key === key) {
      // Most recently used last, so the first is the one to let go.
      this.entries.delete(runDir);
      this.entries.set(runDir, found);
      return { model: await found.model, data: found.data };
    }
    if (found) this.drop(runDir, found);
    const entry: Entry = { key, data: loadPreprocessing(runDir), model: loadLayersModelFromDir(tf, runDir) };
    this.entries.set(runDir, entry);
    entry.model.catch(() => this.entries.get(runDir) === entry && this.entries.delete(runDir));
    for (const [dir, old] of this.entries) {
      if (this.entries.size <= KEPT) break;
      this.drop(dir, old);
    }
    return { model: await entry.model, data: entry.data };
  }

  private drop(runDir: string, entry: Entry): void {
    this.entries.delete(runDir);
    entry.model.then((model) => model.dispose(), () => undefined);
  }
}

function versionOf(runDir: string): string {
  return [MODEL_JSON, WEIGHTS_FILE].map((file) => fs.statSync(path.join(runDir, file)).mtimeMs).join(':');
}
