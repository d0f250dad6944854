/** The span-preserving editor: (plan, intent) → byte-range replacements, applied by one splice routine. */
export { type AddInput, type AddTarget, addItem } from './add.js';
export { setAttribute } from './attribute.js';
export { removeItem } from './remove.js';
export { applyEdits, type Edit } from './splice.js';
export { type SetStatusOptions, setStatus } from './status.js';
