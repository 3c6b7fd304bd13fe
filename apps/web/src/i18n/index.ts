import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
// The header's sign-in and "my dossiers" buttons use the citizens' strings on every page.
import * as citizens from './features/citizens.js';
import vi from './vi.js';

type Strings = Record<string, unknown>;
type FeatureModule = { vi: Strings; en: Strings };

/**
 * Each feature's strings live in their own chunk, loaded with the pages that show them (`lazyPage`), so the
 * citizen's first page carries only the shell's strings. Keys stay `feature.key` in the one namespace.
 */
const loaders = {
  adminUnits: () => import('./features/admin-units.js'),
  calendar: () => import('./features/calendar.js'),
  citizens: async () => citizens,
  citizenForms: () => import('./features/citizen-forms.js'),
  dashboard: () => import('./features/dashboard.js'),
  dossiers: () => import('./features/dossiers.js'),
  feedback: () => import('./features/feedback.js'),
  procedures: () => import('./features/procedures.js'),
  queue: () => import('./features/queue.js'),
  search: () => import('./features/search.js'),
  searchCuration: () => import('./features/search-curation.js'),
  supervision: () => import('./features/supervision.js'),
  sync: () => import('./features/sync.js'),
  users: () => import('./features/users.js'),
} satisfies Record<string, () => Promise<FeatureModule>>;

export type FeatureName = keyof typeof loaders;
export const FEATURES = Object.keys(loaders) as FeatureName[];

const loaded = new Map<FeatureName, Promise<void>>();

/** Load and register the strings of these features (once each); resolves when every one is usable. */
export function loadFeatures(names: readonly FeatureName[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let p = loaded.get(name);
      if (!p) {
        p = loaders[name]().then((m: FeatureModule) => {
          i18n.addResourceBundle('vi', 'translation', { [name]: m.vi }, true, true);
          i18n.addResourceBundle('en', 'translation', { [name]: m.en }, true, true);
        });
        loaded.set(name, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: { ...vi, citizens: citizens.vi } },
    en: { translation: { ...en, citizens: citizens.en } },
  },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  // A page that shows another feature's string than it declared still gets it: a missing key loads every
  // feature's strings, and the 'added' event re-renders the page with them.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => {
    const feature = key.split('.')[0] as FeatureName;
    void loadFeatures(feature in loaders ? [feature] : FEATURES);
  },
  react: { bindI18nStore: 'added' },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem('lang', lng);
  document.documentElement.lang = lng;
});

export default i18n;
