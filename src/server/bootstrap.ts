/**
 * First start: with TASKMARK_ADMIN_EMAIL and TASKMARK_ADMIN_PASSWORD set and no user yet, that user
 * is created as owner (for automation); otherwise a one-time setup token is made, for the link the
 * server prints. The JWT secret comes from the settings, or is generated once and kept in the
 * database so every instance signs with the same key.
 */
import { randomBytes } from 'node:crypto';
import type { ServerConfig } from '../config/server.js';
import type { AccountStore } from '../core/store/accounts.js';
import { hashPassword } from './auth/passwords.js';
import { newId, opaqueToken, sha256 } from './auth/tokens.js';
import { SETUP_TOKEN_SETTING } from './routes/auth.js';

export async function jwtSecretOf(config: ServerConfig, accounts: AccountStore): Promise<Uint8Array> {
  const secret =
    config.jwtSecret ?? (await accounts.initSetting('jwt_secret', randomBytes(48).toString('base64url')));
  return new TextEncoder().encode(secret);
}

/** Creates the owner from the settings, or a setup token; returns the token (null when not needed). */
export async function bootstrap(
  config: ServerConfig,
  accounts: AccountStore,
  workspace: string,
  now: Date,
): Promise<string | null> {
  if ((await accounts.countUsers()) > 0) return null;
  if (config.admin) {
    const user = await accounts.createUser({
      id: newId(),
      email: config.admin.email.toLowerCase(),
      name: config.admin.email.split('@')[0]!,
      passwordHash: await hashPassword(config.admin.password),
      createdAt: now.toISOString(),
    });
    // Another instance may have created it first: then it is there already.
    if (user) {
      await accounts.setMembership(workspace, user.id, 'owner');
      await accounts.appendAudit({
        workspace,
        actor: null,
        action: 'user.bootstrap',
        target: user.id,
        details: { email: user.email },
        requestId: null,
      });
    }
    return null;
  }
  const token = opaqueToken('tms_');
  await accounts.deleteSetting(SETUP_TOKEN_SETTING);
  await accounts.initSetting(SETUP_TOKEN_SETTING, sha256(token));
  return token;
}
