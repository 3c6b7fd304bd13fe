import { Anchor, AppShell, Box, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { isCitizen, useLogout, useSession } from '../api/session.js';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  return (
    <AppShell header={{ height: 104 }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h={64} px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="inherit">
            <Group gap="xs" wrap="nowrap">
              <Box component="img" src="/favicon.svg" alt="" w={32} h={32} visibleFrom="xs" />
              <div>
                <Title order={1} size="h4" lh={1.1} style={{ whiteSpace: 'nowrap' }}>
                  {t('app.name')}
                </Title>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {t('app.tagline')}
                </Text>
              </div>
            </Group>
          </Anchor>
          <Group gap="sm" wrap="nowrap" className="app-header-controls">
            <SegmentedControl
              size="xs"
              aria-label={t('app.language')}
              value={i18n.language}
              onChange={(v) => void i18n.changeLanguage(v)}
              data={[
                { value: 'vi', label: <Short full="Tiếng Việt" short="VI" /> },
                { value: 'en', label: <Short full="English" short="EN" /> },
              ]}
            />
            {session.data ? (
              <>
                {isCitizen(session.data) ? (
                  <Button component={Link} to="/ho-so-cua-toi" variant="light" size="xs">
                    <Short full={t('citizens.myDossiers')} short={t('citizens.myDossiersShort')} />
                  </Button>
                ) : (
                  <Button component={Link} to="/workspace" variant="light" size="xs">
                    <Short full={t('nav.workspace')} short={t('nav.workspaceShort')} />
                  </Button>
                )}
                <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
                  {t('nav.logout')}
                </Button>
              </>
            ) : (
              <>
                <Button component={Link} to="/dang-nhap" size="xs" color="red.9">
                  <Short full={t('citizens.navSignIn')} short={t('citizens.navSignInShort')} />
                </Button>
                <Button component={Link} to="/login" size="xs" variant="light">
                  <Short full={t('nav.login')} short={t('nav.loginShort')} />
                </Button>
              </>
            )}
          </Group>
        </Group>
        <PortalNav />
      </AppShell.Header>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}

/** A label in full on wide screens and short on phones, so the header fits in one line. */
function Short({ full, short }: { full: string; short: string }) {
  return (
    <>
      <Box component="span" visibleFrom="sm">
        {full}
      </Box>
      <Box component="span" hiddenFrom="sm">
        {short}
      </Box>
    </>
  );
}

/** Public sections of the portal, in the order a citizen needs them. */
const PORTAL_LINKS = [
  { to: '/procedures', key: 'nav.procedures' },
  { to: '/search', key: 'nav.search' },
  { to: '/assistant', key: 'nav.assistant' },
  { to: '/tra-cuu', key: 'nav.lookup' },
  { to: '/dat-lich', key: 'nav.booking' },
  { to: '/units/convert', key: 'nav.convert' },
  { to: '/units', key: 'nav.units' },
  { to: '/calendar', key: 'nav.calendar' },
  { to: '/phan-anh', key: 'feedback.navSend' },
  { to: '/hoi-dap', key: 'feedback.navAnswers' },
] as const;

function PortalNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: the current page's link is brought into it (it sat off screen).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each page change; the active link is read from the DOM
  useEffect(() => {
    const row = nav.current;
    const link = row?.querySelector<HTMLElement>('.portal-nav-link.active');
    if (!row || !link) return;
    const r = row.getBoundingClientRect();
    const l = link.getBoundingClientRect();
    if (l.left < r.left || l.right > r.right) {
      row.scrollLeft += l.left - r.left - (r.width - l.width) / 2;
    }
  }, [pathname]);
  return (
    <nav aria-label={t('nav.main')} className="portal-nav" ref={nav}>
      {PORTAL_LINKS.map((l) => (
        <NavLink key={l.to} to={l.to} end className="portal-nav-link">
          {t(l.key)}
        </NavLink>
      ))}
    </nav>
  );
}
