import type { RouteObject } from 'react-router-dom';
import { CitizenSignInPage } from './portal/citizens/CitizenSignInPage.js';
import { MyDossierPage } from './portal/citizens/MyDossierPage.js';
import { MyDossiersPage } from './portal/citizens/MyDossiersPage.js';
import { OnlineSubmitPage } from './portal/citizens/OnlineSubmitPage.js';

/** Pages of the citizens' side: sign-in with the electronic identity, online submission, my dossiers. */
export const citizensRoutes: RouteObject[] = [
  { path: '/dang-nhap', element: <CitizenSignInPage /> },
  { path: '/ho-so-cua-toi', element: <MyDossiersPage /> },
  { path: '/ho-so-cua-toi/:id', element: <MyDossierPage /> },
  { path: '/nop-truc-tuyen/:code', element: <OnlineSubmitPage /> },
];
