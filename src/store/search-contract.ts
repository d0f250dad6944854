/** The search part of the Store contract. */
import type { Store } from '../core/store/port.js';

export function searchContract(_fresh: () => Promise<Store>): void {}
