import type { RouteObject } from 'react-router-dom';
import { lazyPage } from './components/lazy-page.js';
import type { FeatureName } from './i18n/index.js';

const F: FeatureName[] = ['citizens', 'citizenForms', 'procedures', 'feedback'];

/** Pages of the citizens' side: sign-in with the electronic identity, online submission, my dossiers. */
export const citizensRoutes: RouteObject[] = [
  {
    path: '/dang-nhap',
    element: lazyPage(() => import('./portal/citizens/CitizenSignInPage.js'), 'CitizenSignInPage', F),
  },
  {
    path: '/ho-so-cua-toi',
    element: lazyPage(() => import('./portal/citizens/MyDossiersPage.js'), 'MyDossiersPage', F),
  },
  {
    path: '/ho-so-cua-toi/:id',
    element: lazyPage(() => import('./portal/citizens/MyDossierPage.js'), 'MyDossierPage', F),
  },
  {
    path: '/nop-truc-tuyen/:code',
    element: lazyPage(() => import('./portal/citizens/OnlineSubmitPage.js'), 'OnlineSubmitPage', F),
  },
];
