/** Sync: managed progress blocks regenerated, unmanaged dashboards adopted or updated in place, as edits. */
export { render } from './render.js';
export { adoptEdits, managedEdits, type SyncOptions, syncSteps } from './sync.js';
