/** The HTTP and WebSocket API: what the rest of the project may use. */
export { createApp, type Api, type AppOptions } from './create-app.js';
export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export { HttpProblem, type ProblemDocument } from './problem.js';
export { statusOfCode } from './error-handler.js';
export { defaultSecurity, SecurityEnv, type SecurityConfig } from './security-config.js';
export type { ServerMessage, ClientFrame } from './live/live-messages.js';
