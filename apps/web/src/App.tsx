import { Navigate, Route, type RouteObject, Routes, useLocation } from 'react-router-dom';
import { useSession } from './api/session.js';
import { Layout } from './components/Layout.js';
import { lazyPage } from './components/lazy-page.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { HomePage } from './portal/HomePage.js';
import { adminUnitsRoutes } from './routes-admin-units.js';
import { calendarRoutes } from './routes-calendar.js';
import { citizensRoutes } from './routes-citizens.js';
import { dossiersRoutes } from './routes-dossiers.js';
import { feedbackRoutes } from './routes-feedback.js';
import { proceduresRoutes } from './routes-procedures.js';
import { queueRoutes } from './routes-queue.js';
import { searchRoutes } from './routes-search.js';
import { supervisionRoutes } from './routes-supervision.js';
import { syncRoutes } from './routes-sync.js';
import { usersRoutes } from './routes-users.js';

// The home page is the only page in the first chunk; every other page comes with its own chunk (lazyPage).
const loginPage = lazyPage(() => import('./workspace/LoginPage.js'), 'LoginPage', ['users']);
const workspaceHome = lazyPage(() => import('./workspace/WorkspaceHome.js'), 'WorkspaceHome', ['feedback', 'users']);

const featureRoutes: RouteObject[] = [
  ...adminUnitsRoutes,
  ...calendarRoutes,
  ...proceduresRoutes,
  ...searchRoutes,
  ...dossiersRoutes,
  ...supervisionRoutes,
  ...syncRoutes,
  ...citizensRoutes,
  ...feedbackRoutes,
  ...queueRoutes,
  ...usersRoutes,
];

/**
 * Signed in with a one-time password: the workspace and administration pages lead to the password change first
 * (the server refuses everything else until then anyway).
 */
function PasswordChangeGuard() {
  const session = useSession();
  const { pathname } = useLocation();
  const guarded = pathname.startsWith('/workspace') || pathname.startsWith('/admin');
  if (session.data?.account.mustChangePassword && guarded && pathname !== '/workspace/account') {
    return <Navigate to="/workspace/account" replace />;
  }
  return null;
}

export function App() {
  return (
    <Layout>
      <PasswordChangeGuard />
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/login" element={loginPage} />
        <Route path="/workspace" element={workspaceHome} />
        {featureRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
