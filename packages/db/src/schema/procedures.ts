import type { CatalogProcedure, ComponentCondition, InternalProcessStep, ProcedureDuration } from '@mot-cua/contracts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the procedures tables (migrations 0030-0031). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object> = JSONColumnType<T, string, string>;

export interface ProceduresTable {
  code: string;
  name: string;
  field: string;
  agency: string;
  agencyName: string;
  levels: string[];
  origin: 'crawl' | 'curated';
  onlineServiceLevel: string;
  timeLimit: ColumnType<ProcedureDuration | null, string | null, string | null>;
  currentVersion: number;
  withdrawnOn: string | null;
  updatedAt: Timestamp;
}

export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedureCode: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  decisionNumber: string | null;
  contentHash: string;
  record: Json<CatalogProcedure>;
  createdAt: Timestamp;
}

export interface ProcedureCatalogLoadsTable {
  checksum: string;
  loadedAt: Timestamp;
  procedures: number;
  versionsCreated: number;
  withdrawn: number;
}

export interface ProcedureUnitConfigsTable {
  unitCode: string;
  procedureCode: string;
  enabled: boolean;
  localFeeVnd: number | null;
  localFeeNote: string | null;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ProcedureInternalProcessesTable {
  unitCode: string;
  procedureCode: string;
  steps: Json<InternalProcessStep[]>;
  legalLimit: ColumnType<ProcedureDuration | null, string | null, string | null>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ProcedureComponentConditionsTable {
  unitCode: string;
  procedureCode: string;
  componentKey: string;
  condition: Json<ComponentCondition>;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

export interface ProceduresTables {
  procedures: ProceduresTable;
  procedureVersions: ProcedureVersionsTable;
  procedureCatalogLoads: ProcedureCatalogLoadsTable;
  procedureUnitConfigs: ProcedureUnitConfigsTable;
  procedureInternalProcesses: ProcedureInternalProcessesTable;
  procedureComponentConditions: ProcedureComponentConditionsTable;
}
