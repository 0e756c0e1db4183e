import * as fs from 'fs';
import * as path from 'path';
import type { LoadedData } from '../data/dataTypes';
import type { LogitsActivation } from '../model/logits';
import { writeFileAtomic } from './runFolder';

export const PREPROCESSING_FILE = 'preprocessing.json';

/** What a saved model needs to turn new raw inputs into what it was trained on. */
export interface SavedPreprocessing {
  featureShape: number[];
  /** Absent in runs saved before names were kept, and for data without them. */
  featureNames?: string[];
  scale: number;
  offset?: number[];
  factor?: number[];
  classNames?: string[];
  numClasses?: number;
  isImage: boolean;
  /** The model outputs logits (from_logits); predictions apply this activation. */
  logits?: LogitsActivation;
}

/** Writes the data's feature transform beside the model, for `nn-trainer predict RUN_DIR`. */
export function savePreprocessing(dir: string, data: LoadedData): void {
  const saved: SavedPreprocessing = {
    featureShape: data.featureShape,
    featureNames: data.featureNames,
    scale: data.transform.scale,
    offset: data.transform.offset && Array.from(data.transform.offset),
    factor: data.transform.factor && Array.from(data.transform.factor),
    classNames: data.classNames,
    numClasses: data.numClasses,
    isImage: data.isImage,
    logits: data.logits,
  };
  writeFileAtomic(path.join(dir, PREPROCESSING_FILE), JSON.stringify(saved) + '\n');
}

/** A LoadedData with no samples that encodes inputs exactly as the run's training data was. */
export function loadPreprocessing(dir: string): LoadedData {
  const saved = JSON.parse(fs.readFileSync(path.join(dir, PREPROCESSING_FILE), 'utf8')) as SavedPreprocessing;
  const empty = { count: 0, features: new Float32Array(0), targets: new Float32Array(0) };
  return {
    description: 'saved run',
    featureShape: saved.featureShape,
    featureNames: saved.featureNames,
    targetShape: [saved.numClasses ?? 1],
    targetKind: 'values',
    numClasses: saved.numClasses,
    classNames: saved.classNames,
    isImage: saved.isImage,
    ...(saved.logits ? { logits: saved.logits } : {}),
    train: empty,
    transform: {
      scale: saved.scale,
      offset: saved.offset && Float32Array.from(saved.offset),
      factor: saved.factor && Float32Array.from(saved.factor),
    },
    notes: [],
  };
}
