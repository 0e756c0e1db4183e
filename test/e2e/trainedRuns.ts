import * as path from 'path';
import type { PanelRun } from '../../src/shared/panelProtocol';
import { trainModelFile } from '../../src/core/session/trainModelFile';
import { panelRunOf } from '../../src/host/training/panelRunOf';
import type { ActiveRuns } from '../../src/host/training/activeRuns';
import { examplesDir, tempDir } from '../helpers/tempDir';

/** No run is live: the panel shows the run on disk, as after a training ended. */
const NOTHING_LIVE = { get: () => undefined } as unknown as ActiveRuns;

/**
 * An example trained for real (TensorFlow.js, the default backend) into a fresh runs folder, and the
 * run as the host's own panelRunOf reads it back for a panel's snapshot.
 */
export async function trainedPanelRun(example: string, epochs?: number): Promise<PanelRun> {
  const modelFile = path.join(examplesDir, example);
  const runsRoot = tempDir('nn-trainer-panel-');
  await trainModelFile(modelFile, { runsRoot, epochs });
  return panelRunOf(modelFile, NOTHING_LIVE, runsRoot);
}
