export * from './login.js';
export * from './passwords.js';
export * from './ports.js';
export * from './resolve-session.js';
export * from './sign-in-citizen.js';
