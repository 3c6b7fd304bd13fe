import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AssistantChoicesTable {
  id: Generated<number>;
  occurredAt: Timestamp;
  question: string;
  status: string;
  offeredCodes: JSONColumnType<string[], string, string>;
  pickedCode: string | null;
  unitCode: string | null;
}

/** Row types of the search tables (migrations 0065–0069). */
export interface SearchTables {
  assistantChoices: AssistantChoicesTable;
}
