/** Sync: managed progress blocks regenerated, unmanaged dashboards adopted or updated in place, as edits. */
export { render } from './render.js';
export {
  adoptEdits,
  managedEdits,
  markerProblems,
  type SyncOptions,
  syncSteps,
  unmanagedEdits,
} from './sync.js';
