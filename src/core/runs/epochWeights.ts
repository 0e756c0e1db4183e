import type { LayersModel, Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../backend/tfTypes';
import { modelArtifacts, writeModelFiles, writeWeightsFile } from './modelFiles';

/**
 * The weights of a training model's last finished epoch: kept at every epoch end, written to the run
 * folder when asked. A Stop mid-epoch can then still save the last whole epoch, though the model in
 * memory is part way into the next one. Keeping is a clone of each weight tensor, which copies no
 * data: the optimizer gives a variable new data rather than changing it, and the clone holds on to
 * the old. The topology does not change while training: after the first write only weights.bin is
 * replaced (one atomic write), unless the weights' names, shapes or types differ from what model.json lists.
 */
export class EpochWeights {
  private kept: { epoch: number; weights: Array<{ name: string; tensor: Tensor }> } | undefined;
  private listedSpecs: string | undefined;
  private writtenEpoch: number | undefined;

  constructor(
    private readonly tf: Tf,
    private readonly model: LayersModel,
    private readonly dir: string,
  ) {}

  /** Keeps the model's weights as they are at the end of `epoch`. */
  keep(epoch: number): void {
    this.dispose();
    // The same named weights, in the same order, that LayersModel.save encodes.
    this.kept = { epoch, weights: this.model.weights.map((w) => ({ name: w.originalName, tensor: w.read().clone() })) };
  }

  /** Writes the kept weights unless the files hold them already; resolves to the epoch the files hold. */
  async write(): Promise<number | undefined> {
    const kept = this.kept;
    if (!kept || kept.epoch === this.writtenEpoch) return this.writtenEpoch;
    const { data, specs } = await this.tf.io.encodeWeights(kept.weights);
    if (JSON.stringify(specs) === this.listedSpecs) writeWeightsFile(this.dir, data);
    else {
      // The topology is the model's own (it does not change while training); the weights are the kept ones.
      writeModelFiles(this.dir, { ...(await modelArtifacts(this.tf, this.model)), weightData: data, weightSpecs: specs });
      this.listedSpecs = JSON.stringify(specs);
    }
    this.writtenEpoch = kept.epoch;
    return kept.epoch;
  }

  /** Lets go of the kept tensors. */
  dispose(): void {
    for (const { tensor } of this.kept?.weights ?? []) tensor.dispose();
    this.kept = undefined;
  }
}
