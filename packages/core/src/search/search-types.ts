import type { CatalogProcedure, ProcedureLevel, SearchCorrection } from '@mot-cua/contracts';

/** What a search is asked (filters, paging) and what it answers (search-index.ts). */
export type SearchFilters = {
  level?: ProcedureLevel | undefined;
  /**
   * The level of the unit asking (a commune's or a province's portal): procedures of that level are preferred,
   * lightly; a level the question names itself ("UBND tỉnh", "cấp xã") weighs more.
   */
  askerLevel?: 'province' | 'commune' | undefined;
  field?: string | undefined;
  /** Only these codes (e.g. the procedures enabled in a unit). */
  codes?: ReadonlySet<string> | undefined;
};

export type ScoredProcedure = {
  record: CatalogProcedure;
  score: number;
  /** Share of the query's meaningful words (IDF-weighted) found in this record's indexed text. */
  coverage: number;
  /** 0-1: how sure the match is (1 for a code, high for a curated phrase, else coverage and word pairs). */
  confidence: number;
  matchedBy: 'code' | 'phrase' | 'text';
};

export type SearchOutcome = {
  /** The query as understood (folded, rewritten, corrected, stopwords dropped). */
  understood: string;
  corrections: SearchCorrection[];
  /** Curated intents the query matched. */
  intents: string[];
  /** Meaningful query words; 0 means the query only framed a question ("tôi cần làm gì"). */
  termCount: number;
  /** Procedures whose text holds every meaningful query word: many means the query is too general to answer. */
  fullMatches: number;
  total: number;
  items: ScoredProcedure[];
};

export type SearchOptions = SearchFilters & { limit?: number; offset?: number };
