/** Identity and roles: users, sessions, password hashing and the access rules. */
export {
  authorize,
  maySeeEvent,
  permissions,
  type Permission,
  type ContactRelation,
} from './authorize.js';
export { AccessDenied } from './access-denied.js';
export { createUser, NewUserInput } from './create-user.js';
export { argon2Hasher, productionCost, testCost, type PasswordHasher } from './password-hasher.js';
export type { Principal, UserPrincipal, CustomerPrincipal } from './principal.js';
export { Sessions, type IssuedSession } from './sessions.js';
export { LoginThrottle, type LoginAttempt, type LoginThrottleOptions } from './login-throttle.js';
