import { runMochaSuite } from '../mochaSuite';

/**
 * The Restricted Mode suite: the same runner, in a window whose workspace is not trusted
 * (runIntegrationTests starts it with NN_WORKSPACE_TRUST=restricted).
 */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
