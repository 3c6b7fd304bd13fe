import type { Role } from '@mot-cua/contracts';

/**
 * Every action the policy knows, with the roles that may perform it. Jurisdiction is checked
 * separately (see policy.ts). Adding a feature means adding its actions here and a row to the
 * authorization matrix test.
 */
export const actionRoles = {
  // identity
  /** Officials' accounts and role grants: within one's jurisdiction, never above one's own role (user-admin-policy.ts). */
  'user.manage': ['system_admin', 'center_director'],
  // master data
  'admin_unit.change': ['system_admin'],
  'organisation.manage': ['system_admin', 'center_director'],
  'official.assign': ['system_admin'],
  'official.read': ['system_admin', 'center_director', 'leader', 'department_head', 'supervisor'],
  // calendar
  'calendar.manage': ['system_admin'],
  // procedures
  'procedure.configure': ['system_admin', 'center_director'],
  // dossiers
  'dossier.receive': ['reception', 'center_director'],
  'dossier.read': ['reception', 'specialist', 'department_head', 'leader', 'center_director', 'supervisor'],
  'dossier.process': ['specialist', 'department_head'],
  'dossier.assign': ['department_head', 'center_director'],
  'dossier.approve': ['leader'],
  'dossier.return': ['reception', 'center_director'],
  'dossier.submit': ['citizen', 'reception', 'center_director'],
  'dossier.forward': ['reception', 'center_director', 'specialist', 'department_head'],
  'dossier.apologize': ['specialist', 'department_head', 'leader', 'center_director'],
  'dossier.stop': ['reception', 'center_director', 'leader'],
  'dossier.rate': ['citizen', 'reception', 'center_director'],
  /** A citizen's own dossiers (as applicant or authorised agent; the ownership rule is core's citizenMayAccess). */
  'dossier.read_own': ['citizen'],
  /** A citizen answers a supplement request of their own dossier online. */
  'dossier.supplement_online': ['citizen'],
  /** A citizen pays the fee or financial obligation of their own dossier online. */
  'dossier.pay_online': ['citizen'],
  /** Aggregates of an area: supervisors for theirs, the director and the leader for their unit. */
  'dossier.stats': ['supervisor', 'center_director', 'leader'],
  // national portal sync: dead letters of the outbox (inspect, correct, re-send)
  'outbox.manage': ['system_admin'],
  /**
   * Route an online dossier of the review list by hand into a unit: that unit's reception (or director), or an
   * administrator whose jurisdiction covers it (provincial or national).
   */
  'portal_import.route': ['reception', 'center_director', 'system_admin'],
  // feedback and hotline (PAKN)
  'feedback.intake': ['reception', 'center_director'],
  'feedback.read': ['reception', 'specialist', 'department_head', 'leader', 'center_director', 'supervisor'],
  'feedback.route': ['reception', 'department_head', 'center_director'],
  'feedback.handle': ['specialist', 'department_head', 'center_director'],
  'feedback.approve': ['leader', 'center_director'],
  'feedback.configure': ['system_admin', 'center_director'],
  /** Open311 GeoReport v2 API keys of outside clients: national, issued and revoked by a national administrator. */
  'open311.manage': ['system_admin'],
  // front desk (issue 13): serve at a counter, issue tickets at the information desk, configure, read the numbers
  'queue.serve': ['reception', 'center_director'],
  'queue.issue': ['reception', 'center_director'],
  'queue.manage': ['center_director', 'system_admin'],
  'queue.stats': ['center_director', 'leader', 'supervisor'],
  // reporting
  'report.read': ['supervisor', 'leader', 'center_director', 'system_admin'],
  /** The 766 index snapshots, the workload threshold, the delegated-task register's imports (issue 15). */
  'supervision.manage': ['system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof actionRoles;
export const allActions = Object.keys(actionRoles) as Action[];
