import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../api/admin-units.js';
import { formatDuration, useProcedure } from '../../api/procedures.js';
import { levelsNearestFirst } from '../../api/search.js';
import { feeText, noteIn } from './procedure-text.js';
import { Section } from './Section.js';
import { WhatToBring } from './WhatToBring.js';
import { WhereToGo } from './WhereToGo.js';

/** Public page of one procedure: what to bring, time limit, fee, channels, where to submit, legal basis, source. */
export function ProcedurePage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const q = useProcedure(code);
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!q.data)
    return (
      <Container size="md" py="lg">
        <Alert color="red">{t('procedures.notFound')}</Alert>
        <Anchor component={Link} to="/procedures">
          {t('procedures.backToCatalog')}
        </Anchor>
      </Container>
    );
  const { procedure: p, history } = q.data;
  const online = p.channels.find((c) => c.kind === 'online');
  return (
    <Container size="md" py="lg">
      <Stack>
        <Anchor component={Link} to="/procedures" size="sm">
          ← {t('procedures.backToCatalog')}
        </Anchor>
        <Title order={2}>{p.name}</Title>
        <Group gap="xs">
          <Badge variant="outline">
            {t('procedures.code')}: {p.code}
          </Badge>
          {levelsNearestFirst(p.levels).map((l) => (
            <Badge key={l} variant="light">
              {t(`procedures.levels.${l}`)}
            </Badge>
          ))}
          <Badge variant="light" color={p.onlineServiceLevel === 'full_process' ? 'green' : 'gray'}>
            {t(`procedures.online.${p.onlineServiceLevel}`)}
          </Badge>
        </Group>
        {p.onlineServiceLevel !== 'none' && (
          <Button component={Link} to={`/nop-truc-tuyen/${p.code}`} size="md" w={{ base: '100%', sm: 'auto' }}>
            {t('citizens.submitOnline')}
          </Button>
        )}
        {p.origin === 'curated' && <Alert color="yellow">{t('procedures.curated')}</Alert>}
        {p.needsReview && p.origin === 'crawl' && <Alert color="gray">{t('procedures.needsReview')}</Alert>}

        <Paper withBorder p="md" radius="md">
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={{ base: '42%', sm: 200 }}>{t('procedures.timeLimit')}</Table.Th>
                <Table.Td>{formatDuration(t, p.timeLimit)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('procedures.field')}</Table.Th>
                <Table.Td>{p.field}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('procedures.agency')}</Table.Th>
                <Table.Td>{p.agencyName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('procedures.applicants')}</Table.Th>
                <Table.Td>{p.applicantTypes.join('; ')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>

        <WhatToBring p={p} />

        <Section title={t('procedures.howToSubmit')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('procedures.channel')}</Table.Th>
                <Table.Th>{t('procedures.timeLimit')}</Table.Th>
                <Table.Th>{t('procedures.fee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.channels.map((c) => (
                <Table.Tr key={c.kind}>
                  <Table.Td>{t(`procedures.channels.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    {c.duration ? formatDuration(t, c.duration) : c.durationText || t('procedures.noTimeLimit')}
                  </Table.Td>
                  <Table.Td>
                    {c.fees.map((f, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: fees of one channel, fixed order
                      <Text key={`${c.kind}-${i}`} size="sm">
                        {feeText(t, f)}
                        {f.setByProvincialCouncil && (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            ({t('procedures.feeByCouncil')})
                          </Text>
                        )}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>

        <Section title={t('procedures.whereToSubmit')}>
          <WhereToGo p={p} />
          {online && p.sourceUrl && (
            <Anchor href={p.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {t('procedures.submitOnline')}
            </Anchor>
          )}
        </Section>

        {p.conditions && (
          <Section title={t('procedures.conditions')}>
            <Text style={{ whiteSpace: 'pre-line' }}>{p.conditions}</Text>
          </Section>
        )}

        {p.steps.length > 0 && (
          <Section title={t('procedures.steps')}>
            <Stack gap={4}>
              {p.steps.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, stable order
                <Text key={i} size="sm">
                  {s}
                </Text>
              ))}
            </Stack>
          </Section>
        )}

        {p.results.length > 0 && (
          <Section title={t('procedures.results')}>
            <List>
              {p.results.map((r) => (
                <List.Item key={`${r.name}-${r.code}`}>
                  {r.name}
                  {r.code && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({r.code})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </Section>
        )}

        <Section title={t('procedures.legalBasis')}>
          <List size="sm">
            {p.legalBasis.map((d) => (
              <List.Item key={`${d.number}-${d.title}`}>
                {d.number && <b>{d.number}</b>} {d.title !== d.number ? d.title : ''}
              </List.Item>
            ))}
          </List>
        </Section>

        <Section title={t('procedures.source')}>
          <Stack gap={4}>
            {p.decisionNumber && (
              <Text size="sm">
                {t('procedures.decision')}: {p.decisionNumber}
              </Text>
            )}
            {p.sourceUrl && (
              <Anchor href={p.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {t('procedures.sourceLink')}
              </Anchor>
            )}
            {p.curationNote && (
              <Text size="xs" c="dimmed">
                {noteIn(p.curationNote, i18n.language)}
              </Text>
            )}
            <Text size="sm" fw={600} mt="sm">
              {t('procedures.history')}
            </Text>
            <List size="sm">
              {history.map((h) => (
                <List.Item key={h.id}>
                  {t('procedures.version', { version: h.version })}
                  {h.decisionNumber ? ` · ${t('procedures.decision')} ${h.decisionNumber}` : ''} ·{' '}
                  {h.decisionDate
                    ? t('procedures.validFrom', { date: formatDate(h.decisionDate) })
                    : t('procedures.validFromNotStated')}
                  {h.validTo
                    ? ` · ${t('procedures.replacedOn', { date: formatDate(h.validTo) })}`
                    : ` (${t('procedures.current')})`}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Section>
      </Stack>
    </Container>
  );
}
