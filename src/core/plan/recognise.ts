/**
 * Stage 3: turns the block tree into sections and items. Each kind of item has its own small
 * recogniser (checkbox list item, heading item, status bullet); fields are attached to the item
 * they describe. Everything here reads blocks; nothing here knows markdown syntax. The recogniser
 * lives in recognise/, a module per concern; this is its entry.
 */
export type { Draft, ListLabel, Recognised } from './recognise/draft.js';
export { isLegendTitle } from './recognise/sections.js';
export { recognise } from './recognise/walk.js';
