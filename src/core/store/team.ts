/**
 * The server's planning port: sprints and action lists, both pointing at items by (file, key), so
 * the plans stay the source of truth for the items themselves.
 */

export interface ItemRef {
  readonly file: string;
  readonly key: string;
}

export interface SprintRecord {
  readonly id: string;
  readonly workspace: string;
  readonly name: string;
  readonly goal: string | null;
  /** YYYY-MM-DD, inclusive. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly state: 'open' | 'closed';
  readonly createdAt: string;
  readonly closedAt: string | null;
}

export interface SprintItemRecord extends ItemRef {
  readonly addedAt: string;
}

export interface ActionListRecord {
  readonly id: string;
  readonly workspace: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TeamStore {
  createSprint(sprint: SprintRecord): Promise<void>;
  getSprint(workspace: string, id: string): Promise<SprintRecord | null>;
  listSprints(workspace: string): Promise<SprintRecord[]>;
  updateSprint(
    id: string,
    patch: Partial<Pick<SprintRecord, 'name' | 'goal' | 'startsOn' | 'endsOn' | 'state' | 'closedAt'>>,
  ): Promise<void>;
  sprintItems(id: string): Promise<SprintItemRecord[]>;
  /** Adds the items not in the sprint yet; returns how many were added. */
  addSprintItems(id: string, refs: readonly ItemRef[], at: string): Promise<number>;
  removeSprintItem(id: string, ref: ItemRef): Promise<boolean>;

  createList(list: ActionListRecord): Promise<boolean>;
  getList(workspace: string, name: string): Promise<ActionListRecord | null>;
  listLists(workspace: string): Promise<ActionListRecord[]>;
  /** Replaces the list's items with `refs`, in this order. */
  setListItems(id: string, refs: readonly ItemRef[], at: string): Promise<void>;
  listItems(id: string): Promise<ItemRef[]>;
  deleteList(id: string): Promise<boolean>;
}
