import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
import * as adminUnits from './features/admin-units.js';
import * as calendar from './features/calendar.js';
import * as citizens from './features/citizens.js';
import * as dossiers from './features/dossiers.js';
import * as feedback from './features/feedback.js';
import * as procedures from './features/procedures.js';
import * as queue from './features/queue.js';
import * as search from './features/search.js';
import * as sync from './features/sync.js';
import * as users from './features/users.js';
import vi from './vi.js';

const features = { adminUnits, calendar, procedures, search, dossiers, sync, citizens, feedback, queue, users };
const pick = (lang: 'vi' | 'en') => Object.fromEntries(Object.entries(features).map(([k, m]) => [k, m[lang]]));

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, ...pick('vi') } }, en: { translation: { ...en, ...pick('en') } } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem('lang', lng);
  document.documentElement.lang = lng;
});

export default i18n;
