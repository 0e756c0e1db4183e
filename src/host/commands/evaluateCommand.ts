import type { EvaluateResult } from '../../shared/workerProtocol';
import { evaluateResultText } from '../../core/resultText';
import type { HostServices } from '../hostServices';
import { resolveModelFile } from '../modelFiles';
import { pickRun } from '../runs/pickRun';
import { readSettings } from '../settings';
import { defaultModelName } from '../../core/modelFile/modelFileName';
import { runJobWithProgress } from './runJobWithProgress';
import { announceResult } from '../runAnnouncement';

/**
 * Evaluates a run's saved model on the test data. From a lens or the editor the latest run is used;
 * from the command palette the user may pick among the runs. Resolves to the result (for tests).
 */
export async function evaluateCommand(services: HostServices, arg?: unknown, runDir?: string): Promise<EvaluateResult | undefined> {
  const uri = await resolveModelFile(arg, 'evaluate', services.panels);
  if (!uri) return undefined;
  const dir = runDir ?? (await pickRun(uri, arg === undefined, 'evaluate'))?.dir;
  if (!dir) return undefined;
  const job = { kind: 'evaluate' as const, runDir: dir, backend: readSettings(uri).backend };
  const result = await runJobWithProgress<EvaluateResult>(services, uri, `Evaluating ${defaultModelName(uri.fsPath)}`, job);
  if (!result) return undefined;
  const { evaluation } = result;
  const line = evaluateResultText(defaultModelName(uri.fsPath), evaluation);
  services.log.info(`Evaluated ${dir}: ${line}`);
  services.panels.post(uri.fsPath, { type: 'evaluation', evaluation, insights: result.insights });
  announceResult(services.panels, uri.fsPath, line);
  return result;
}
