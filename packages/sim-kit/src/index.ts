export {
  FAULT_MODES,
  type FaultMode,
  FaultModeBody,
  type FaultModeName,
  type ModeSetting,
  memoryModeSetting,
  OK_MODE,
  openModeSetting,
} from './fault-modes.js';
export { answerWithFault, faultBefore } from './http-faults.js';
export { type KeyedLog, openKeyedLog, readJsonLines } from './keyed-log.js';
export { registerModeRoutes } from './mode-routes.js';
export { closeOnSignals, readStandaloneEnv } from './standalone.js';
