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
import type { ProcedureFee } from '@mot-cua/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDuration, formatVnd, useProcedure } from '../../api/procedures.js';
import { levelsNearestFirst } from '../../api/search.js';

function feeText(t: TFunction, f: ProcedureFee): string {
  switch (f.kind) {
    case 'free':
      return t('procedures.free');
    case 'amount':
      return formatVnd(f.amount ?? 0, f.currency);
    case 'rule':
      return f.note ?? '';
    default:
      return t('procedures.feeUnknown');
  }
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Public page of one procedure: what to bring, time limit, fee, channels, where to submit, legal basis, source. */
/**
 * A curation note in the reader's language: each reason is written "Vietnamese / English" and reasons are
 * joined with " | "; a Vietnamese page shows no English sentence.
 */
export function noteIn(note: string, language: string): string {
  return note
    .split(' | ')
    .map((reason) => {
      const cut = reason.lastIndexOf(' / ');
      if (cut < 0) return reason;
      return language === 'en' ? reason.slice(cut + 3) : reason.slice(0, cut);
    })
    .join(' | ');
}

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
  const groups = [...new Set(p.components.map((c) => c.group ?? ''))];
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
                <Table.Th w={200}>{t('procedures.timeLimit')}</Table.Th>
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

        <Section title={t('procedures.whatToBring')}>
          <Stack gap="sm">
            {groups.map((g) => (
              <div key={g}>
                {g && (
                  <Text fw={600} mb={4}>
                    {g}
                  </Text>
                )}
                <List spacing={6}>
                  {p.components
                    .filter((c) => (c.group ?? '') === g)
                    .map((c) => (
                      <List.Item key={c.key}>
                        <Text span>{c.name}</Text>{' '}
                        <Text span c="dimmed" size="sm">
                          (
                          {[
                            c.originals ? t('procedures.original', { count: c.originals }) : null,
                            c.copies ? t('procedures.copy', { count: c.copies }) : null,
                          ]
                            .filter(Boolean)
                            .join(', ')}
                          )
                        </Text>{' '}
                        {c.presentOnly && <Badge size="xs">{t('procedures.presentOnly')}</Badge>}{' '}
                        {c.conditional && (
                          <Badge size="xs" color="gray">
                            {t('procedures.conditional')}
                          </Badge>
                        )}
                        {c.forms.length > 0 && (
                          <Text size="sm" c="dimmed">
                            {t('procedures.form')}: {c.forms.join(', ')}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                </List>
              </div>
            ))}
            {p.componentNotes.length > 0 && (
              <div>
                <Text fw={600}>{t('procedures.notes')}</Text>
                <List size="sm" c="dimmed">
                  {p.componentNotes.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </div>
            )}
          </Stack>
        </Section>

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
          <Text>{p.receivingAddress ?? p.implementingAgency ?? t('procedures.whereDefault')}</Text>
          {p.receivingAddress || p.implementingAgency ? (
            <Text size="sm" c="dimmed">
              {t('procedures.whereDefault')}
            </Text>
          ) : null}
          {online && p.sourceUrl && (
            <Anchor href={p.sourceUrl} target="_blank" rel="noopener noreferrer">
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
                  {t('procedures.version', { version: h.version })} · {t('procedures.validFrom', { date: h.validFrom })}{' '}
                  {h.validTo ? t('procedures.validTo', { date: h.validTo }) : `(${t('procedures.current')})`}
                  {h.decisionNumber ? ` · ${h.decisionNumber}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Section>
      </Stack>
    </Container>
  );
}
