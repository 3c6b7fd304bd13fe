/** Repositories of the admin-units feature (the only place with its SQL). */

export {
  ADMIN_UNITS_DATA_DIR,
  DEMO_ORGANISATION_UNITS,
  loadAdminUnitsMasterData,
  readShippedAdminUnits,
  seedAdminUnitsDemo,
} from '../seed/admin-units.js';
export * from './admin-units.repository.js';
export * from './admin-units-ports.js';
export * from './change-events.repository.js';
export * from './officials.repository.js';
export * from './organisation.repository.js';
export * from './rehoming.repository.js';
