import type { Messages } from './vi.js';

const en: Messages = {
  app: {
    name: 'Một Cửa',
    tagline: 'Public Administrative Service Center',
    skipToContent: 'Skip to main content',
    language: 'Language',
  },
  nav: { home: 'Home', workspace: 'Workspace', login: 'Official sign-in', logout: 'Sign out', apiDocs: 'API docs' },
  portal: {
    title: 'One-stop public services for communes',
    intro:
      'Find an administrative procedure, submit a dossier at any center of the province regardless of where you live, track its progress and rate the service.',
    facts: '34 provinces · 3,321 communes, wards and special zones · since 1 July 2025',
  },
  login: {
    title: 'Sign-in for officials',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Could not sign in',
  },
  workspace: {
    welcome: 'Hello, {{name}}',
    yourRoles: 'Your roles and jurisdictions',
    empty: 'The functions of this role will appear here.',
  },
  roles: {
    citizen: 'Citizen',
    reception: 'Reception official (one-stop)',
    specialist: 'Specialist',
    department_head: 'Department head',
    leader: "People's Committee leader",
    center_director: 'Center director',
    supervisor: 'Supervisor',
    system_admin: 'System administrator',
  },
  scope: { national: 'Nationwide', unit: 'Unit {{code}}' },
  common: { loading: 'Loading…', error: 'Something went wrong' },
};
export default en;
