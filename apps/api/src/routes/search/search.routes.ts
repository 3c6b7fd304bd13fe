import {
  AssistantAnswer,
  AssistantChoiceRecorded,
  AssistantChoiceRequest,
  AssistantChoiceSummary,
  AssistantChoicesQuery,
  AssistantRequest,
  type SearchHit,
  SearchQuery,
  SearchResponse,
} from '@mot-cua/contracts';
import { authorize, checkSearchText, faqCards, recordAssistantChoice, type ScoredProcedure } from '@mot-cua/core';
import {
  createAssistantChoicePorts,
  createAssistantChoicesRepository,
  createProceduresRepository,
  locateUnit,
} from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { sharedFaqIndex } from '../feedback/faq-cache.js';
import { inTransaction } from '../write.js';
import { loadSearchEngine } from './catalog-index.js';
import { loadSemanticAnswerer } from './semantic-reranker.js';

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

const presentHit = (i: ScoredProcedure): SearchHit => ({
  code: i.record.code,
  name: i.record.name,
  field: i.record.field,
  agencyName: i.record.agencyName,
  levels: i.record.levels,
  timeLimit: i.record.timeLimit,
  onlineServiceLevel: i.record.onlineServiceLevel,
  score: round(i.score),
  coverage: round(i.coverage),
  confidence: round(i.confidence),
  matchedBy: i.matchedBy,
});

/** Routes of procedure search and the assistant, mounted at /api/search. Public: no sign-in. */
export const searchRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const engine = loadSearchEngine();
  app.log.info(`search: index of ${engine.index.size} procedures built in ${engine.builtMs} ms`);
  // The optional semantic reranker, from a model file the operator provides (nothing is downloaded).
  const reranker = deps.config.searchReranker;
  const answerer = reranker ? await loadSemanticAnswerer(engine.index, reranker) : engine.answerer;
  if (reranker) app.log.info(`search: assistant reranked by ${reranker.modelPath}`);
  const { db } = deps.database;
  const faqIndex = sharedFaqIndex(deps.database);

  /** The procedures enabled in a unit (its own configuration, else its province's). */
  async function enabledCodes(unit: string | undefined): Promise<Set<string> | undefined> {
    if (!unit) return undefined;
    const scope = await locateUnit(db, unit);
    const list = await createProceduresRepository(db).listProcedures({
      unit: scope,
      enabledOnly: true,
      limit: 100_000,
      offset: 0,
    });
    return new Set(list.items.map((p) => p.code));
  }

  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Search procedures by code, name or keywords (accents optional, typos and abbreviations tolerated)',
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (req) => {
      const q = checkSearchText(req.query.q, 'query');
      const codes = await enabledCodes(req.query.unit);
      const started = performance.now();
      const r = engine.index.search(q, {
        level: req.query.level,
        field: req.query.field,
        codes,
        limit: req.query.limit,
        offset: req.query.offset,
      });
      return {
        query: q,
        understood: r.understood,
        corrections: r.corrections,
        total: r.total,
        items: r.items.map(presentHit),
        tookMs: round(performance.now() - started),
      };
    },
  );

  app.post(
    '/assistant',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['search'],
        summary:
          'Ask the virtual assistant a question in everyday Vietnamese; answers are catalog records or "not sure"',
        body: AssistantRequest,
        response: { 200: AssistantAnswer },
      },
    },
    async (req) => {
      const question = checkSearchText(req.body.question, 'question');
      const codes = await enabledCodes(req.body.unit);
      const started = performance.now();
      // A unit's code tells its level: two digits a province, five a commune.
      const unit = req.body.unit;
      const level = unit ? (unit.length === 2 ? ('province' as const) : ('commune' as const)) : undefined;
      const answer = await answerer.answer(question, { codes, level });
      const faq = faqCards(await faqIndex(), question).map((h) => ({
        source: 'published_feedback' as const,
        code: h.code,
        question: h.question,
        answer: h.answer,
        unitName: h.unitName,
        publishedAt: h.publishedAt,
      }));
      return { ...answer, faq, tookMs: round(performance.now() - started) };
    },
  );

  app.post(
    '/assistant/choices',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['search'],
        summary:
          'Record which of the assistant\'s choices ("Có phải bạn muốn…") a person picked, or none; anonymous, audited',
        body: AssistantChoiceRequest,
        response: { 201: AssistantChoiceRecorded },
      },
    },
    async (req, reply) => {
      const id = await inTransaction(deps, req, createAssistantChoicePorts, (ports) =>
        recordAssistantChoice(req.body, ports),
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/assistant/choices',
    {
      schema: {
        tags: ['search'],
        summary: "What people asked and picked among the assistant's choices, most asked first (curators)",
        querystring: AssistantChoicesQuery,
        response: { 200: AssistantChoiceSummary },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'procedure.configure', { kind: 'global' });
      const { limit, offset, sort } = req.query;
      const summary = await createAssistantChoicesRepository(db).summariseChoices(limit, offset, sort);
      for (const item of summary.items)
        for (const p of item.picked) p.name = engine.index.findRecord(p.code)?.name ?? null;
      return summary;
    },
  );
};
