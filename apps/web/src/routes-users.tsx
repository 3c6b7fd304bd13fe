import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['users'];

/** Pages of user management and one's own account (issue 16). */
export const usersRoutes: RouteObject[] = [
  { path: '/admin/users', element: lazyPage(() => import('./admin/users/UsersPage.js'), 'UsersPage', F) },
  { path: '/admin/users/:id', element: lazyPage(() => import('./admin/users/UserDetailPage.js'), 'UserDetailPage', F) },
  {
    path: '/workspace/account',
    element: lazyPage(() => import('./workspace/account/AccountPage.js'), 'AccountPage', F),
  },
];
