import { Route, type RouteObject, Routes } from 'react-router-dom';
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
import { syncRoutes } from './routes-sync.js';

// The home page is the only page in the first chunk; every other page comes with its own chunk (lazyPage).
const loginPage = lazyPage(() => import('./workspace/LoginPage.js'), 'LoginPage', []);
const workspaceHome = lazyPage(() => import('./workspace/WorkspaceHome.js'), 'WorkspaceHome', ['feedback']);

const featureRoutes: RouteObject[] = [
  ...adminUnitsRoutes,
  ...calendarRoutes,
  ...proceduresRoutes,
  ...searchRoutes,
  ...dossiersRoutes,
  ...syncRoutes,
  ...citizensRoutes,
  ...feedbackRoutes,
  ...queueRoutes,
];

export function App() {
  return (
    <Layout>
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
