/** Dashboards: the regions of a plan that claim progress, recognised and checked against its items. */
export { analyseDashboards, type DashboardReport, type DashboardRuleId, type Mismatch } from './check.js';
export { BY, type By, FORMATS, type Format, type ManagedBlock, type MarkerProblem } from './markers.js';
