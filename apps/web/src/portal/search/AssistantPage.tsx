import { Alert, Anchor, Button, Container, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { AssistantAnswer } from '@mot-cua/contracts';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { procedurePath, useAskAssistant } from '../../api/search.js';
import { FaqCards } from '../feedback/FaqCards.js';
import { AnswerCardView } from './AnswerCardView.js';
import { SuggestChoices } from './SuggestChoices.js';

type Turn = { id: number; question: string; answer?: AssistantAnswer; error?: string };

/**
 * Public assistant chat panel: questions in everyday Vietnamese, answers as catalog cards, "Có phải bạn muốn…"
 * choices, or "not sure".
 */
export function AssistantPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [turns, setTurns] = useState<Turn[]>([]);
  const ask = useAskAssistant();
  const nextId = useRef(1);
  const lastTurn = useRef<HTMLDivElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const examples = t('search.exampleQuestions', { returnObjects: true }) as unknown as string[];

  useEffect(() => {
    if (turns.length) lastTurn.current?.focus();
  }, [turns.length]);

  const send = (question: string) => {
    const q = question.trim();
    if (!q || ask.isPending) return;
    const id = nextId.current++;
    setTurns((ts) => [...ts, { id, question: q }]);
    setText('');
    ask.mutate(
      { question: q },
      {
        onSuccess: (answer) => setTurns((ts) => ts.map((x) => (x.id === id ? { ...x, answer } : x))),
        onError: (e) =>
          setTurns((ts) =>
            ts.map((x) =>
              x.id === id ? { ...x, error: e instanceof ApiError ? e.problem.message[lang] : String(e) } : x,
            ),
          ),
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send(text);
    }
  };

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={2}>{t('search.assistantTitle')}</Title>
        <Text c="dimmed">{t('search.assistantIntro')}</Text>

        <section aria-label={t('search.conversation')} aria-live="polite">
          <Stack gap="md">
            {turns.map((turn, i) => (
              <div key={turn.id} ref={i === turns.length - 1 ? lastTurn : undefined} tabIndex={-1}>
                <Paper p="sm" radius="md" bg="var(--mantine-color-blue-light)" mb="xs">
                  <Text size="xs" c="dimmed">
                    {t('search.you')}
                  </Text>
                  <Text>{turn.question}</Text>
                </Paper>
                <TurnAnswer turn={turn} />
              </div>
            ))}
          </Stack>
        </section>

        <form onSubmit={onSubmit}>
          <Stack gap="xs">
            <Textarea
              label={t('search.questionLabel')}
              description={t('search.questionHint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={onKeyDown}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={500}
              autoFocus
            />
            <Group justify="flex-end">
              <Button type="submit" loading={ask.isPending} disabled={!text.trim()}>
                {t('search.ask')}
              </Button>
            </Group>
          </Stack>
        </form>

        {turns.length === 0 ? (
          <div>
            <Text size="sm" fw={600} id="assistant-examples">
              {t('search.examples')}
            </Text>
            <Group gap="xs" mt={4} aria-labelledby="assistant-examples" role="group">
              {examples.map((q) => (
                <Button key={q} variant="light" size="xs" onClick={() => send(q)}>
                  {q}
                </Button>
              ))}
            </Group>
          </div>
        ) : null}
      </Stack>
    </Container>
  );
}

/** The catalog answer, then any published feedback answer that matches (said to come from published feedback). */
function TurnAnswer({ turn }: { turn: Turn }) {
  return (
    <Stack gap="xs">
      <CatalogAnswer turn={turn} />
      {turn.answer?.faq?.length ? <FaqCards faq={turn.answer.faq} /> : null}
    </Stack>
  );
}

function CatalogAnswer({ turn }: { turn: Turn }) {
  const { t } = useTranslation();
  if (turn.error) return <Alert color="red">{turn.error}</Alert>;
  const a = turn.answer;
  if (!a) return <Text c="dimmed">{t('search.asking')}</Text>;
  const corrections = a.corrections.map((c) => t('search.corrections', c)).join('; ');
  if (a.status === 'suggest') return <SuggestChoices question={turn.question} answer={a} />;
  if (a.status === 'not_sure') {
    return (
      <Alert color="yellow" title={t('search.assistant')}>
        <Stack gap="xs">
          <Text size="sm">{t('search.notSure')}</Text>
          {a.candidates.length > 0 ? (
            <>
              <Text size="sm">{t('search.candidates')}</Text>
              <List size="sm">
                {a.candidates.map((c) => (
                  <List.Item key={c.code}>
                    <Anchor component={Link} to={procedurePath(c.code)}>
                      {c.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        <Text span fw={600}>
          {t('search.assistant')}:
        </Text>{' '}
        {t('search.answerIntro', { count: a.cards.length })}{' '}
        <Text span c="dimmed" size="xs">
          {t('search.confidence', { value: Math.round(a.confidence * 100) })}
        </Text>
      </Text>
      {corrections ? (
        <Text size="xs" c="dimmed">
          {corrections}
        </Text>
      ) : null}
      {a.cards.map((card) => (
        <AnswerCardView key={card.code} card={card} headingLevel={3} />
      ))}
    </Stack>
  );
}
