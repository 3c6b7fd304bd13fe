import { Alert, Button, Stack, Text } from '@mantine/core';
import type { AssistantAnswer } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAskAssistant, useRecordChoice } from '../../api/search.js';
import { AnswerCardView } from './AnswerCardView.js';

/**
 * "Có phải bạn muốn…": the assistant is fairly but not fully sure, so it offers its top candidates as choices.
 * The pick (or "none of these") is recorded anonymously for curators; a picked procedure then shows as a card.
 * The buttons stay readable after a pick: the picked one is filled and marked, the others stay available so the
 * applicant can change their mind (a new pick is recorded as such).
 */
export function SuggestChoices({ question, answer }: { question: string; answer: AssistantAnswer }) {
  const { t } = useTranslation();
  const record = useRecordChoice();
  const ask = useAskAssistant();
  const [choice, setChoice] = useState<string | null | undefined>(undefined);
  const [picked, setPicked] = useState<AssistantAnswer | undefined>(undefined);
  const offered = answer.candidates.map((c) => c.code);

  const choose = (code: string | null) => {
    if (code === choice) return;
    setChoice(code);
    setPicked(undefined);
    record.mutate({ question, status: answer.status, offered, picked: code });
    if (code) ask.mutate({ question: code }, { onSuccess: setPicked });
  };

  return (
    <Alert color="blue" title={t('search.suggestTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('search.suggestIntro')}</Text>
        <Stack gap={6} role="group" aria-label={t('search.suggestTitle')}>
          {answer.candidates.map((c) => (
            <Button
              key={c.code}
              variant={choice === c.code ? 'filled' : choice === undefined ? 'light' : 'default'}
              justify="flex-start"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
              h="auto"
              py={6}
              aria-pressed={choice === c.code}
              onClick={() => choose(c.code)}
            >
              {choice === c.code ? `✓ ${c.name}` : c.name}
            </Button>
          ))}
          <Button
            variant={choice === null ? 'filled' : 'subtle'}
            color="gray"
            justify="flex-start"
            aria-pressed={choice === null}
            onClick={() => choose(null)}
          >
            {choice === null ? `✓ ${t('search.noneOfThese')}` : t('search.noneOfThese')}
          </Button>
        </Stack>
        {choice === null ? <Text size="sm">{t('search.noneThanks')}</Text> : null}
        {picked?.cards[0] ? <AnswerCardView card={picked.cards[0]} headingLevel={3} /> : null}
      </Stack>
    </Alert>
  );
}
