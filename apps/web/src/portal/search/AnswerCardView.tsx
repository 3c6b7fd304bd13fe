import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { AnswerCard } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDuration, formatFee, levelsNearestFirst, procedurePath } from '../../api/search.js';

/** One answer card: every value shown comes from the catalog record the card was built from. */
export function AnswerCardView({ card, headingLevel = 3 }: { card: AnswerCard; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const inPerson = card.channels.find((c) => c.kind === 'in_person') ?? card.channels[0];
  const fees = inPerson?.fees ?? [];
  const mainLevel = card.levels.includes('commune') ? 'commune' : card.levels[0];
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={card.name}>
      <Stack gap="xs">
        <Title order={headingLevel} size="h4">
          <Anchor component={Link} to={procedurePath(card.code)}>
            {card.name}
          </Anchor>
        </Title>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('search.code', { code: card.code })} · {card.field}
          </Text>
          {levelsNearestFirst(card.levels).map((l) => (
            <Badge key={l} size="sm" variant={l === 'commune' ? 'filled' : 'light'}>
              {t(`search.levels.${l}`)}
            </Badge>
          ))}
          <Badge size="sm" color={card.onlineServiceLevel === 'full_process' ? 'green' : 'gray'} variant="light">
            {t(`search.online.${card.onlineServiceLevel}`)}
          </Badge>
        </Group>

        {card.needsReview ? (
          <Alert color="yellow" p="xs">
            {t('search.needsReview')}
          </Alert>
        ) : null}

        {card.results.length > 0 ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('search.whatItIs')}:
            </Text>{' '}
            {card.results.map((r) => r.name).join('; ')}
          </Text>
        ) : null}
        {card.applicantTypes.length > 0 ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('search.applicants')}:
            </Text>{' '}
            {card.applicantTypes.join(', ')}
          </Text>
        ) : null}

        <div>
          <Text size="sm" fw={600}>
            {t('search.documents')} ({card.documentsTotal})
          </Text>
          <List size="sm" spacing={2} type="ordered">
            {card.documents.map((d) => (
              <List.Item key={d.key}>
                {d.name}{' '}
                <Text span c="dimmed" size="xs">
                  ({t('search.copies', { originals: d.originals, copies: d.copies })}
                  {d.conditional ? `, ${t('search.conditional')}` : ''}
                  {d.presentOnly ? `, ${t('search.presentOnly')}` : ''})
                </Text>
              </List.Item>
            ))}
          </List>
          {card.documentsTotal > card.documents.length ? (
            <Text size="xs" c="dimmed">
              {t('search.documentsMore', { count: card.documentsTotal - card.documents.length })}
            </Text>
          ) : null}
        </div>

        <Text size="sm">
          <Text span fw={600}>
            {t('search.timeLimit')}:
          </Text>{' '}
          {formatDuration(t, card.timeLimit)}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('search.fee')}:
          </Text>{' '}
          {fees.length ? fees.map((f) => formatFee(t, f)).join('; ') : t('search.feeUnknown')}
        </Text>

        <div>
          <Text size="sm" fw={600}>
            {t('search.where')}
          </Text>
          <List size="sm" spacing={2}>
            {mainLevel ? (
              <List.Item>{t('search.whereLevel', { level: t(`search.levelWhere.${mainLevel}`) })}</List.Item>
            ) : null}
            {card.implementingAgency ? <List.Item>{card.implementingAgency}</List.Item> : null}
            {card.competentAgency && card.competentAgency !== card.implementingAgency ? (
              <List.Item>{card.competentAgency}</List.Item>
            ) : null}
            {card.receivingAddress ? <List.Item>{card.receivingAddress}</List.Item> : null}
            {card.channels.map((c) => (
              <List.Item key={c.kind}>
                {t(`search.channels.${c.kind}`)}
                {c.description ? `: ${c.description}` : ''}
              </List.Item>
            ))}
          </List>
        </div>

        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to={procedurePath(card.code)} size="sm">
            {t('search.detailLink')}
          </Anchor>
          {card.sourceUrl ? (
            <Anchor href={card.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {card.onlineServiceLevel === 'full_process' ? t('search.onlineLink') : t('search.sourceLink')}
            </Anchor>
          ) : null}
          {card.decisionNumber ? (
            <Text size="xs" c="dimmed">
              {t('search.decision', { number: card.decisionNumber })}
            </Text>
          ) : null}
        </Group>

        {card.followUps.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('search.followUps')}
            </Text>
            <List size="sm" spacing={2}>
              {card.followUps.map((f) => (
                <List.Item key={f.code}>
                  <Anchor component={Link} to={procedurePath(f.code)}>
                    {f.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
