import * as fs from 'fs';
import * as path from 'path';
import type { RunInsights } from '../../shared/insightTypes';
import { writeFileAtomic } from './runFolder';

export const INSIGHTS_FILE = 'insights.json';

/** Writes what the worker found about a run (the panel of a run on disk shows it). */
export function writeInsights(dir: string, insights: RunInsights): void {
  writeFileAtomic(path.join(dir, INSIGHTS_FILE), JSON.stringify(insights) + '\n');
}

/** The run's insights, or undefined for a run without them (trained before they existed, or failed early). */
export function readInsights(dir: string): RunInsights | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, INSIGHTS_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as RunInsights;
    return typeof value === 'object' && value !== null && typeof value.inputs === 'object' ? value : undefined;
  } catch {
    // A file cut short by a crash shows no insights rather than breaking the panel.
    return undefined;
  }
}
