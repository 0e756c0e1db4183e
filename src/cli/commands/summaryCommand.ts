import { parseArgs } from 'util';
import { selectBackend } from '../../core/backend/selectBackend';
import { buildCheckedModel, loadModelAndData } from '../../core/session/loadModelAndData';
import { formatModelSummary, summarizeModel } from '../../core/model/modelSummary';
import { UsageError } from '../usage';
import { writeLine, type CliIo } from '../io';

/** `nn-trainer summary FILE`: Keras' model.summary() for a model file. */
export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('summary takes exactly one model file');
  const loaded = await loadModelAndData(positionals[0]);
  const { tf } = await selectBackend('cpu', { layerTypes: [] });
  const model = await buildCheckedModel(tf, loaded);
  writeLine(io.stdout, formatModelSummary(loaded.spec.name, summarizeModel(model)));
  model.dispose();
  return 0;
}
