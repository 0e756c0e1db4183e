import { runMochaSuite } from '../mochaSuite';

/** The integration suite, in a trusted workspace (see ../mochaSuite.ts). */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
