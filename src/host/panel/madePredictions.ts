import type * as vscode from 'vscode';
import type { MadePrediction } from '../../shared/panelProtocol';
import { withMade } from '../../shared/madePredictions';

/**
 * The predictions a user asked for (the Predict command, `Try it`), per run folder, kept in the
 * workspace's state: a panel rebuilt after a tab switch or a window reload shows them again.
 */
export class MadePredictions {
  constructor(private readonly memento: vscode.Memento) {}

  of(runDir: string): MadePrediction[] {
    const value = this.memento.get<unknown>(keyOf(runDir));
    return Array.isArray(value) ? (value as MadePrediction[]) : [];
  }

  add(runDir: string, made: MadePrediction): void {
    void this.memento.update(keyOf(runDir), withMade(this.of(runDir), made));
  }
}

function keyOf(runDir: string): string {
  return `nnTrainer.madePredictions:${runDir}`;
}
