import type { AssistantChoiceRequest } from '@mot-cua/contracts';
import type { AuditPort } from '../audit.js';
import { AppError } from '../errors.js';
import { foldText } from '../text/fold.js';
import { normalizeText } from './text.js';

/**
 * What a person picked among the assistant's choices ("Có phải bạn muốn…"), or that none fitted, kept so
 * curators see what is asked and missed. Anonymised: no account, session or address is kept, and the question is
 * folded with every run of digits (phone, ID, house numbers) and e-mail address masked.
 */
export type AssistantChoice = {
  question: string;
  status: AssistantChoiceRequest['status'];
  offered: string[];
  picked: string | null;
  unitCode: string | null;
};

/** Longest question kept, in characters after folding. */
export const CHOICE_QUESTION_MAX = 300;

/** The question without what could name a person: folded, digits and e-mail addresses masked, shortened. */
export function anonymiseQuestion(question: string): string {
  return foldText(question)
    .replace(/\S+@\S+/g, '@')
    .replace(/\d[\d .-]*\d|\d/g, '#')
    .slice(0, CHOICE_QUESTION_MAX)
    .trim();
}

/** Check a recorded choice: the pick must be one of the codes offered. Throws stable codes. */
export function toAssistantChoice(req: AssistantChoiceRequest): AssistantChoice {
  const offered = [...new Set(req.offered)];
  if (req.picked !== null && !offered.includes(req.picked)) {
    throw new AppError('ASSISTANT_CHOICE_NOT_OFFERED', { details: { picked: req.picked } });
  }
  const question = anonymiseQuestion(req.question);
  if (normalizeText(question) === '') throw new AppError('SEARCH_QUERY_EMPTY');
  return { question, status: req.status, offered, picked: req.picked, unitCode: req.unit ?? null };
}

/** Ports of recording a choice (packages/db binds them to one transaction). */
export type AssistantChoicePorts = {
  choices: { recordChoice(c: AssistantChoice): Promise<number> };
  audit: AuditPort;
};

/** Record, anonymised, what a person picked among the assistant's choices, with its audit row (no actor). */
export async function recordAssistantChoice(req: AssistantChoiceRequest, ports: AssistantChoicePorts): Promise<number> {
  const choice = toAssistantChoice(req);
  const id = await ports.choices.recordChoice(choice);
  await ports.audit.record({
    actorUserId: null,
    action: 'search.assistant_choice',
    entityType: 'assistant_choice',
    entityId: String(id),
    unitCode: choice.unitCode,
    data: { status: choice.status, offered: choice.offered, picked: choice.picked },
  });
  return id;
}
