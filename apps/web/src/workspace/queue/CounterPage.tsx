import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { preselectedCounter } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useCounterAction, useCounterState, useMyCounter, useQueueCenter, useQueueCenters } from '../../api/queue.js';
import { useSession } from '../../api/session.js';
import { CounterChoice } from './CounterChoice.js';
import { HoldResultPanel } from './HoldResultPanel.js';
import { PrecheckSummary } from './PrecheckSummary.js';

/** The official's counter: take it, call the next visitor, recall, absent, serve, finish, transfer, link a dossier. */
export function CounterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mine = useMyCounter();
  const centers = useQueueCenters();
  const center = useQueueCenter(centers.data?.items[0]?.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const counters = center.data?.counters ?? [];
  const counterId =
    chosen ?? (mine.isLoading ? undefined : preselectedCounter(counters, session.data?.user.id, mine.data?.counterId));
  const state = useCounterState(counterId);
  const action = useCounterAction(counterId);
  const [code, setCode] = useState('');
  const [toGroup, setToGroup] = useState<string | null>(null);
  const [toCounter, setToCounter] = useState<string | null>(null);

  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const s = state.data;
  const current = s?.current;
  const holder = s?.counter.officialUserId;
  const iHold = holder === session.data.user.id;
  const run = (path: string, body?: unknown) => action.mutate({ path, body });
  const error =
    action.error instanceof ApiError ? action.error.problem.detail : action.error ? String(action.error) : undefined;

  return (
    <Container size="lg" py="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('queue.counterTitle')}</Title>
          <Select
            aria-label={t('queue.chooseCounter')}
            placeholder={t('queue.chooseCounter')}
            data={counters.map((c) => ({ value: c.id, label: c.name }))}
            value={counterId ?? null}
            onChange={setChosen}
            w={320}
          />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!counterId && (
          <CounterChoice
            loading={centers.isLoading || center.isLoading || mine.isLoading}
            noCenter={centers.isSuccess && centers.data.items.length === 0}
            counters={counters}
            onChoose={setChosen}
          />
        )}
        {counterId && !s && state.isLoading && <Loader aria-label={t('common.loading')} />}
        {s && (
          <Grid>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Paper withBorder p="lg" radius="md">
                <Group justify="space-between" mb="sm">
                  <Title order={3}>{s.counter.name}</Title>
                  {s.counter.officialName ? (
                    <Badge size="lg">{t('queue.heldBy', { name: s.counter.officialName })}</Badge>
                  ) : null}
                </Group>
                {!iHold ? (
                  <Stack>
                    <Text>{t('queue.notOpen')}</Text>
                    <Button size="lg" onClick={() => run(`/counters/${s.counter.id}/open`)}>
                      {t('queue.openCounter')}
                    </Button>
                  </Stack>
                ) : (
                  <Stack>
                    {current ? (
                      <Paper bg="gray.1" p="md" radius="md" data-testid="counter-current">
                        <Text size="sm">{t('queue.current')}</Text>
                        <Group align="baseline">
                          <Text fz={56} fw={800} lh={1}>
                            {current.number}
                          </Text>
                          <Stack gap={2}>
                            <Text fw={700}>{current.groupName}</Text>
                            <Badge>{t(`queue.status.${current.status}`)}</Badge>
                            {current.priorityKind && (
                              <Badge color="orange">{t(`queue.priority.${current.priorityKind}`)}</Badge>
                            )}
                            {current.dossierCode && (
                              <Text size="sm">{t('queue.pickupDossier', { code: current.dossierCode })}</Text>
                            )}
                          </Stack>
                        </Group>
                        {current.precheck && <PrecheckSummary precheck={current.precheck} />}
                        {current.source === 'pickup' && current.status === 'serving' && (
                          <Text size="sm" mt="xs">
                            {t('queue.pickupFinishHint')}
                          </Text>
                        )}
                      </Paper>
                    ) : (
                      <Text>{t('queue.noCurrent')}</Text>
                    )}
                    <Group>
                      <Button size="lg" disabled={!!current} onClick={() => run(`/counters/${s.counter.id}/call-next`)}>
                        {t('queue.callNext')}
                      </Button>
                      {current?.status === 'called' && (
                        <>
                          <Button size="lg" variant="light" onClick={() => run(`/tickets/${current.id}/recall`)}>
                            {t('queue.recall')}
                          </Button>
                          <Button size="lg" color="green.9" onClick={() => run(`/tickets/${current.id}/start`)}>
                            {t('queue.start')}
                          </Button>
                          <Button size="lg" color="gray" onClick={() => run(`/tickets/${current.id}/no-show`)}>
                            {t('queue.noShow')}
                          </Button>
                        </>
                      )}
                      {current?.status === 'serving' && (
                        <Button size="lg" color="green.9" onClick={() => run(`/tickets/${current.id}/finish`)}>
                          {t('queue.finish')}
                        </Button>
                      )}
                    </Group>
                    {current?.status === 'serving' && (
                      <Stack gap="xs">
                        <Anchor
                          component={Link}
                          to={`/workspace/dossiers/new?ticket=${current.id}&so=${current.number}`}
                          target="_blank"
                        >
                          {t('queue.receiveDossier')}
                        </Anchor>
                        <Text size="sm">{t('queue.receiveHint')}</Text>
                        <Anchor
                          component={Link}
                          to={`/workspace/feedback/intake?${new URLSearchParams({
                            channel: 'counter',
                            counterId: s.counter.id,
                            ...(center.data ? { communeCode: center.data.unitCode } : {}),
                            ...((current.dossierCode ?? current.dossiers.at(-1)?.code)
                              ? { dossierCode: current.dossierCode ?? current.dossiers.at(-1)!.code }
                              : {}),
                          })}`}
                          target="_blank"
                          data-testid="counter-feedback"
                        >
                          {t('feedback.intake.fromCounter')}
                        </Anchor>
                        <Group align="end">
                          <TextInput
                            label={t('queue.linkDossierLabel')}
                            value={code}
                            onChange={(e) => setCode(e.currentTarget.value)}
                          />
                          <Button
                            variant="light"
                            disabled={!code}
                            onClick={() => run(`/tickets/${current.id}/dossiers`, { dossierCode: code })}
                          >
                            {t('queue.linkDossier')}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                    {current && (
                      <Group align="end">
                        <Select
                          label={t('queue.transferGroup')}
                          data={center.data?.groups.map((g) => ({ value: g.id, label: g.name })) ?? []}
                          value={toGroup}
                          onChange={setToGroup}
                          clearable
                        />
                        <Select
                          label={t('queue.transferCounter')}
                          data={center.data?.counters.map((c) => ({ value: c.id, label: c.name })) ?? []}
                          value={toCounter}
                          onChange={setToCounter}
                          clearable
                        />
                        <Button
                          variant="light"
                          disabled={!toGroup && !toCounter}
                          onClick={() =>
                            run(`/tickets/${current.id}/transfer`, {
                              ...(toGroup ? { groupId: toGroup } : {}),
                              ...(toCounter ? { counterId: toCounter } : {}),
                            })
                          }
                        >
                          {t('queue.transfer')}
                        </Button>
                      </Group>
                    )}
                    <Button
                      variant="subtle"
                      color="gray"
                      disabled={!!current}
                      onClick={() => run(`/counters/${s.counter.id}/close`)}
                    >
                      {t('queue.closeCounter')}
                    </Button>
                  </Stack>
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder p="md" radius="md">
                <Title order={3} size="h5" mb="xs">
                  {t('queue.waitingByGroup')}
                </Title>
                {s.waiting.map((w) => (
                  <Group key={w.groupId} justify="space-between">
                    <Text>{w.name}</Text>
                    <Badge variant="light">{w.count}</Badge>
                  </Group>
                ))}
                <Text mt="sm" size="sm">
                  {t('queue.servedToday', { count: s.servedToday })}
                </Text>
              </Paper>
              {iHold && <HoldResultPanel counterId={s.counter.id} />}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Container>
  );
}
