/** The TeamStore port (sprints, action lists) over Kysely, on the Store's connection. */
import type { Kysely } from 'kysely';
import type {
  ActionListRecord,
  ItemRef,
  SprintItemRecord,
  SprintRecord,
  TeamStore,
} from '../core/store/team.js';
import type { TeamTables } from './accounts-schema.js';
import type { Database } from './schema.js';

type Db = Kysely<Database & TeamTables>;

export class KyselyTeamStore implements TeamStore {
  private readonly db: Db;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<TeamTables>();
  }

  async createSprint(s: SprintRecord): Promise<void> {
    await this.db
      .insertInto('sprints')
      .values({
        id: s.id,
        workspace: s.workspace,
        name: s.name,
        goal: s.goal,
        starts_on: s.startsOn,
        ends_on: s.endsOn,
        state: s.state,
        created_at: s.createdAt,
        closed_at: s.closedAt,
      })
      .execute();
  }

  async getSprint(workspace: string, id: string): Promise<SprintRecord | null> {
    const row = await this.db
      .selectFrom('sprints')
      .selectAll()
      .where('workspace', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? sprintRecord(row) : null;
  }

  async listSprints(workspace: string): Promise<SprintRecord[]> {
    const rows = await this.db
      .selectFrom('sprints')
      .selectAll()
      .where('workspace', '=', workspace)
      .orderBy('starts_on')
      .orderBy('created_at')
      .execute();
    return rows.map(sprintRecord);
  }

  async updateSprint(
    id: string,
    patch: Partial<Pick<SprintRecord, 'name' | 'goal' | 'startsOn' | 'endsOn' | 'state' | 'closedAt'>>,
  ): Promise<void> {
    const set: Partial<TeamTables['sprints']> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.goal !== undefined) set.goal = patch.goal;
    if (patch.startsOn !== undefined) set.starts_on = patch.startsOn;
    if (patch.endsOn !== undefined) set.ends_on = patch.endsOn;
    if (patch.state !== undefined) set.state = patch.state;
    if (patch.closedAt !== undefined) set.closed_at = patch.closedAt;
    if (Object.keys(set).length > 0)
      await this.db.updateTable('sprints').set(set).where('id', '=', id).execute();
  }

  async sprintItems(id: string): Promise<SprintItemRecord[]> {
    const rows = await this.db
      .selectFrom('sprint_items')
      .selectAll()
      .where('sprint_id', '=', id)
      .orderBy('added_at')
      .orderBy('file')
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ file: r.file, key: r.key, addedAt: r.added_at }));
  }

  async addSprintItems(id: string, refs: readonly ItemRef[], at: string): Promise<number> {
    if (refs.length === 0) return 0;
    const rows = await this.db
      .insertInto('sprint_items')
      .values(refs.map((r) => ({ sprint_id: id, file: r.file, key: r.key, added_at: at })))
      .onConflict((oc) => oc.columns(['sprint_id', 'file', 'key']).doNothing())
      .returning('key')
      .execute();
    return rows.length;
  }

  async removeSprintItem(id: string, ref: ItemRef): Promise<boolean> {
    const r = await this.db
      .deleteFrom('sprint_items')
      .where('sprint_id', '=', id)
      .where('file', '=', ref.file)
      .where('key', '=', ref.key)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async createList(list: ActionListRecord): Promise<boolean> {
    const rows = await this.db
      .insertInto('action_lists')
      .values({
        id: list.id,
        workspace: list.workspace,
        name: list.name,
        description: list.description,
        created_at: list.createdAt,
        updated_at: list.updatedAt,
      })
      .onConflict((oc) => oc.columns(['workspace', 'name']).doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  async getList(workspace: string, name: string): Promise<ActionListRecord | null> {
    const row = await this.db
      .selectFrom('action_lists')
      .selectAll()
      .where('workspace', '=', workspace)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? listRecord(row) : null;
  }

  async listLists(workspace: string): Promise<ActionListRecord[]> {
    const rows = await this.db
      .selectFrom('action_lists')
      .selectAll()
      .where('workspace', '=', workspace)
      .orderBy('name')
      .execute();
    return rows.map(listRecord);
  }

  async setListItems(id: string, refs: readonly ItemRef[], at: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('action_list_items').where('list_id', '=', id).execute();
      if (refs.length > 0)
        await trx
          .insertInto('action_list_items')
          .values(refs.map((r, position) => ({ list_id: id, position, file: r.file, key: r.key })))
          .execute();
      await trx.updateTable('action_lists').set({ updated_at: at }).where('id', '=', id).execute();
    });
  }

  async listItems(id: string): Promise<ItemRef[]> {
    const rows = await this.db
      .selectFrom('action_list_items')
      .select(['file', 'key'])
      .where('list_id', '=', id)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ file: r.file, key: r.key }));
  }

  async deleteList(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('action_lists').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

function sprintRecord(r: TeamTables['sprints']): SprintRecord {
  return {
    id: r.id,
    workspace: r.workspace,
    name: r.name,
    goal: r.goal,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    state: r.state as SprintRecord['state'],
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

function listRecord(r: TeamTables['action_lists']): ActionListRecord {
  return {
    id: r.id,
    workspace: r.workspace,
    name: r.name,
    description: r.description,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
