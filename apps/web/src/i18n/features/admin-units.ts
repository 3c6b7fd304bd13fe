/** UI strings of the admin-units feature, under the 'adminUnits' key: t('adminUnits.something'). */
export const vi = {};
export const en: typeof vi = {};
