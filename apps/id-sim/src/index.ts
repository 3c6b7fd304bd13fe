export { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, type DemoCitizen } from './demo-citizens.js';
export { ID_NUMBER_CLAIM, type IdSim, type IdSimClient, startIdSim } from './id-sim.js';
