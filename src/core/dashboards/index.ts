/** Dashboards: the regions of a plan that claim progress, recognised and checked against its items. */
export { analyseDashboards, type DashboardReport, type DashboardRuleId, type Mismatch } from './check.js';
export type { By, Format, ManagedBlock, MarkerProblem } from './markers.js';
