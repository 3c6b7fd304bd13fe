import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the admin-units tables (migrations 0010-0012). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface AdminUnitsTable {
  id: Generated<number>;
  code: string;
  level: string;
  type: string;
  name: string;
  fullName: string;
  provinceCode: string;
  districtCode: string | null;
  agencyIdentifier: string | null;
  validFrom: string | null;
  validTo: string | null;
  eventId: number | null;
}

export interface AdminUnitEventsTable {
  id: Generated<number>;
  key: string;
  kind: string;
  effectiveDate: DateCol;
  legalBasis: string | null;
  description: Generated<string>;
  source: 'master_data' | 'admin';
  appliedBy: string | null;
  appliedAt: Timestamp;
  data: Json<Record<string, unknown>>;
}

export interface AdminUnitEventLinksTable {
  eventId: number;
  fromCode: string;
  toCode: string;
  share: 'full' | 'partial';
}

export interface AdminUnitAliasesTable {
  alias: string;
  code: string;
  validFrom: DateCol;
  note: Generated<string>;
}

export interface AdminUnitDataLoadsTable {
  dataVersion: string;
  loadedAt: Timestamp;
  counts: Json<Record<string, number>>;
}

export interface DepartmentsTable {
  id: Generated<string>;
  unitCode: string;
  kind: string;
  name: string;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: string | null;
  createdAt: Timestamp;
}

export interface ServiceCentersTable {
  id: Generated<string>;
  unitCode: string;
  name: string;
  isMain: Generated<boolean>;
  address: string | null;
  /** WGS 84 position for the map link (migration 0250); both or neither. */
  latitude: number | null;
  longitude: number | null;
  /** Address and position are demonstration data (the demo seed), not the center's own. */
  demoData: Generated<boolean>;
  directorUserId: string | null;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: string | null;
  createdAt: Timestamp;
}

export interface CountersTable {
  id: Generated<string>;
  serviceCenterId: string;
  unitCode: string;
  number: number;
  name: string;
  fields: Json<string[]>;
  isActive: Generated<boolean>;
  createdAt: Timestamp;
}

export interface AssignmentsTable {
  id: Generated<string>;
  userId: string;
  unitCode: string;
  departmentId: string | null;
  kind: string;
  roles: Json<string[]>;
  title: string | null;
  decisionNumber: string | null;
  validFrom: DateCol;
  validTo: string | null;
  previousId: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface AssignmentGrantsTable {
  assignmentId: string;
  grantId: string;
}

export interface OfficialProfilesTable {
  userId: string;
  certificateSerial: string | null;
  certificateValidTo: string | null;
  trainedFields: Json<string[]>;
  updatedAt: Timestamp;
}

export interface RehomingOwnersTable {
  tableName: string;
  columnName: string;
  keyColumn: Generated<string>;
  openCondition: Generated<string>;
  strategy: Generated<string>;
  feature: string;
  description: Generated<string>;
  provinceColumn: string | null;
}

export interface RehomingMovesTable {
  id: Generated<number>;
  eventId: number;
  tableName: string;
  columnName: string;
  rowKey: string;
  fromCode: string;
  toCode: string;
  movedAt: Timestamp;
}

export interface RehomingReviewsTable {
  id: Generated<number>;
  eventId: number;
  tableName: string;
  columnName: string;
  rowKey: string;
  fromCode: string;
  candidateCodes: Json<string[]>;
  status: Generated<'open' | 'resolved'>;
  resolvedCode: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

export interface AdminUnitsTables {
  adminUnits: AdminUnitsTable;
  adminUnitEvents: AdminUnitEventsTable;
  adminUnitEventLinks: AdminUnitEventLinksTable;
  adminUnitAliases: AdminUnitAliasesTable;
  adminUnitDataLoads: AdminUnitDataLoadsTable;
  departments: DepartmentsTable;
  serviceCenters: ServiceCentersTable;
  counters: CountersTable;
  assignments: AssignmentsTable;
  assignmentGrants: AssignmentGrantsTable;
  officialProfiles: OfficialProfilesTable;
  rehomingOwners: RehomingOwnersTable;
  rehomingMoves: RehomingMovesTable;
  rehomingReviews: RehomingReviewsTable;
}
