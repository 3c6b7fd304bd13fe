import type { RouteObject } from 'react-router-dom';
import { UserDetailPage } from './admin/users/UserDetailPage.js';
import { UsersPage } from './admin/users/UsersPage.js';
import { AccountPage } from './workspace/account/AccountPage.js';

/** Pages of user management and one's own account (issue 16). */
export const usersRoutes: RouteObject[] = [
  { path: '/admin/users', element: <UsersPage /> },
  { path: '/admin/users/:id', element: <UserDetailPage /> },
  { path: '/workspace/account', element: <AccountPage /> },
];
