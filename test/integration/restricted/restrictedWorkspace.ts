/**
 * What runIntegrationTests writes into the Restricted Mode suite's workspace settings. Both are
 * restricted settings: in Restricted Mode VS Code ignores these workspace values.
 */
export const RESTRICTED_WORKSPACE_SETTINGS = { 'nnTrainer.runsFolder': 'runs-from-workspace-settings', 'nnTrainer.backend': 'wasm' } as const;
