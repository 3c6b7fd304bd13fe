import { z } from 'zod';
import {
  ChannelKind,
  OnlineServiceLevel,
  ProcedureDuration,
  ProcedureFee,
  ProcedureLevel,
  ProcedureResult,
} from './procedures.js';

/**
 * Request and response schemas of procedure search and the virtual assistant (trợ lý ảo).
 * Search and answers are retrieval-based over the procedure catalog: every field of an answer card is copied
 * from a catalog record, never written by the assistant.
 */

/** Longest accepted search query and assistant question, in characters (after trimming). */
export const SEARCH_QUERY_MAX_LENGTH = 200;
export const ASSISTANT_QUESTION_MAX_LENGTH = 500;

export const SearchQuery = z.object({
  /** Code, name or keywords, with or without accents. Empty or too long gives 400 with a stable code. */
  q: z.string().default(''),
  level: ProcedureLevel.optional(),
  /** Exact procedure field (lĩnh vực) as in the catalog, e.g. "Hộ tịch". */
  field: z.string().max(300).optional(),
  /** Only the procedures enabled in this admin unit (its own or its province's configuration). */
  unit: z.string().min(2).max(10).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
}); // no meta id: @fastify/swagger cannot expand a $ref'd querystring into parameters
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A query word that was not in the catalog's vocabulary and what it was read as. */
export const SearchCorrection = z.object({ from: z.string(), to: z.string() }).meta({ id: 'SearchCorrection' });
export type SearchCorrection = z.infer<typeof SearchCorrection>;

export const SearchHit = z
  .object({
    code: z.string(),
    name: z.string(),
    field: z.string(),
    agencyName: z.string(),
    levels: z.array(ProcedureLevel),
    timeLimit: ProcedureDuration.nullable(),
    onlineServiceLevel: OnlineServiceLevel,
    score: z.number(),
    /** Share (0-1) of the query's meaningful words, weighted by rarity, that this procedure matches. */
    coverage: z.number(),
    /** 0-1: 1 for a code, high for a curated phrase, else coverage discounted when the words never occur together. */
    confidence: z.number(),
    /** Why it ranks here: 'code' (code match), 'phrase' (curated everyday phrase), 'text' (words). */
    matchedBy: z.enum(['code', 'phrase', 'text']),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z
  .object({
    query: z.string(),
    /** The query as understood: folded, abbreviations expanded, typos corrected. */
    understood: z.string(),
    corrections: z.array(SearchCorrection),
    total: z.number().int(),
    items: z.array(SearchHit),
    tookMs: z.number(),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const AssistantRequest = z
  .object({
    question: z.string(),
    /** Restrict answers to the procedures enabled in this admin unit. */
    unit: z.string().min(2).max(10).optional(),
  })
  .meta({ id: 'AssistantRequest' });
export type AssistantRequest = z.infer<typeof AssistantRequest>;

export const AnswerDocument = z
  .object({
    key: z.string(),
    group: z.string().nullable(),
    name: z.string(),
    originals: z.number().int(),
    copies: z.number().int(),
    conditional: z.boolean(),
    presentOnly: z.boolean(),
  })
  .meta({ id: 'AnswerDocument' });
export type AnswerDocument = z.infer<typeof AnswerDocument>;

export const AnswerChannel = z
  .object({
    kind: ChannelKind,
    duration: ProcedureDuration.nullable(),
    durationText: z.string(),
    description: z.string().nullable(),
    fees: z.array(ProcedureFee),
  })
  .meta({ id: 'AnswerChannel' });
export type AnswerChannel = z.infer<typeof AnswerChannel>;

export const AnswerProcedureRef = z.object({ code: z.string(), name: z.string() }).meta({ id: 'AnswerProcedureRef' });
export type AnswerProcedureRef = z.infer<typeof AnswerProcedureRef>;

/** One procedure as an answer: every field is copied from the catalog record `code`. */
export const AnswerCard = z
  .object({
    code: z.string(),
    name: z.string(),
    field: z.string(),
    agencyName: z.string(),
    levels: z.array(ProcedureLevel),
    applicantTypes: z.array(z.string()),
    /** What the applicant receives (the result documents). */
    results: z.array(ProcedureResult),
    conditions: z.string().nullable(),
    /** Required documents, in catalog order, at most `documentsShown`; `documentsTotal` counts them all. */
    documents: z.array(AnswerDocument),
    documentsTotal: z.number().int(),
    timeLimit: ProcedureDuration.nullable(),
    channels: z.array(AnswerChannel),
    /** Where to submit, as the catalog states it. */
    competentAgency: z.string().nullable(),
    implementingAgency: z.string().nullable(),
    receivingAddress: z.string().nullable(),
    onlineServiceLevel: OnlineServiceLevel,
    /** The national portal page of the procedure; the online link when the service is full-process. */
    sourceUrl: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    /** The catalog marks parts of this record as not fully parsed: a person should check the source. */
    needsReview: z.boolean(),
    followUps: z.array(AnswerProcedureRef),
    score: z.number(),
  })
  .meta({ id: 'AnswerCard' });
export type AnswerCard = z.infer<typeof AnswerCard>;

/** A published feedback answer the assistant offers beside the catalog cards (source: published feedback). */
export const FaqCard = z
  .object({
    source: z.literal('published_feedback'),
    code: z.string(),
    question: z.string(),
    answer: z.string(),
    unitName: z.string().nullable(),
    publishedAt: z.string(),
  })
  .meta({ id: 'FaqCard' });
export type FaqCard = z.infer<typeof FaqCard>;

export const AssistantAnswer = z
  .object({
    question: z.string(),
    understood: z.string(),
    corrections: z.array(SearchCorrection),
    /**
     * 'answered': cards are the best matches (calibrated to be right ≥ 95 % of the time); 'suggest': fairly sure,
     * `candidates` are the choices of "Có phải bạn muốn…" and no card is given; 'not_sure': confidence too low.
     */
    status: z.enum(['answered', 'suggest', 'not_sure']),
    /**
     * 0-1, calibrated; below the suggestion threshold the status is 'not_sure'. Whether to answer outright is
     * also decided by a second score (how much of the question the first procedure holds, and its lead); an
     * answer carries the larger of the two.
     */
    confidence: z.number(),
    /** Which answerer produced it (the retrieval answerer is 'retrieval'). */
    answerer: z.string(),
    cards: z.array(AnswerCard),
    /**
     * 'suggest': the choices offered (best first); 'not_sure': procedures that partly match, to help rephrase
     * (names only, no claims).
     */
    candidates: z.array(AnswerProcedureRef),
    /** Answers published from feedback (PAKN) that match the question, said to come from published feedback. */
    faq: z.array(FaqCard).optional(),
    tookMs: z.number(),
  })
  .meta({ id: 'AssistantAnswer' });
export type AssistantAnswer = z.infer<typeof AssistantAnswer>;

/** A procedure code as the catalog writes it ("1.001193", "L-YT-001"). */
const ProcedureCode = z.string().min(3).max(40);

/**
 * What a person picked among the assistant's choices, or null for "none of these". Anonymous: nothing about the
 * person is sent or kept; the question is stored folded with digits masked.
 */
export const AssistantChoiceRequest = z
  .object({
    question: z.string().max(ASSISTANT_QUESTION_MAX_LENGTH),
    /** The status of the answer the choices came with. */
    status: z.enum(['answered', 'suggest', 'not_sure']),
    offered: z.array(ProcedureCode).min(1).max(10),
    picked: ProcedureCode.nullable(),
    unit: z.string().min(2).max(10).optional(),
  })
  .meta({ id: 'AssistantChoiceRequest' });
export type AssistantChoiceRequest = z.infer<typeof AssistantChoiceRequest>;

export const AssistantChoiceRecorded = z.object({ id: z.number().int() }).meta({ id: 'AssistantChoiceRecorded' });
export type AssistantChoiceRecorded = z.infer<typeof AssistantChoiceRecorded>;

/** How the curators' list is ordered, each from the largest (or the latest) down. */
export const AssistantChoicesSort = z.enum(['times', 'noneOfThese', 'lastAt']);
export type AssistantChoicesSort = z.infer<typeof AssistantChoicesSort>;

export const AssistantChoicesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** times: most asked first; noneOfThese: most often "none of these" first; lastAt: latest first. */
  sort: AssistantChoicesSort.default('times'),
});
export type AssistantChoicesQuery = z.infer<typeof AssistantChoicesQuery>;

/** Per anonymised question: how often it was asked with choices, what was picked, how often none fitted. */
export const AssistantChoiceSummary = z
  .object({
    items: z.array(
      z.object({
        question: z.string(),
        times: z.number().int(),
        noneOfThese: z.number().int(),
        /** Picks per procedure, most picked first; the name is the catalog's (null for a code no longer in it). */
        picked: z.array(z.object({ code: z.string(), name: z.string().nullable(), times: z.number().int() })),
        lastAt: z.string(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'AssistantChoiceSummary' });
export type AssistantChoiceSummary = z.infer<typeof AssistantChoiceSummary>;
