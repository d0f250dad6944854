/** What `lint` and `fix` share: the configuration, the rule settings and the lint context. */
import { lintContextOf, type ResolvedConfig, resolveConfig } from '../config/config.js';
import { checkRuleSettings, RULES } from '../core/lint/engine.js';
import type { LintContext, Rule } from '../core/lint/types.js';
import { type CommonOptions, todayOf } from './context.js';

export interface LintSetup {
  readonly config: ResolvedConfig;
  readonly ctx: LintContext;
  readonly rules: readonly Rule[];
  /** Options for loading plans with the configured hours per day. */
  readonly loadOptions: CommonOptions;
}

export function lintSetup(opts: CommonOptions): LintSetup {
  const config = resolveConfig({
    cwd: process.cwd(),
    env: process.env,
    flags: { today: opts.today, hoursPerDay: opts.hoursPerDay },
  });
  checkRuleSettings(config.lint.rules, RULES);
  return {
    config,
    ctx: lintContextOf(config, config.today ?? todayOf({})),
    rules: RULES,
    loadOptions: { ...opts, hoursPerDay: String(config.hoursPerDay) },
  };
}
