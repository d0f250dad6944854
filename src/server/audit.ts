/** One line to record who did what: every change made through the API lands in the audit log. */
import type { JsonValue } from '../core/store/port.js';
import type { Principal } from './auth/guard.js';
import type { AppContext } from './context.js';

export async function audit(
  ctx: AppContext,
  who: Principal | null,
  requestId: string,
  action: string,
  target: string | null,
  details: { [key: string]: JsonValue } = {},
): Promise<void> {
  await ctx.accounts.appendAudit({
    workspace: ctx.workspaceId,
    actor: who?.userId ?? null,
    action,
    target,
    details: who?.tokenId ? { ...details, viaToken: who.tokenId } : details,
    requestId,
  });
}
