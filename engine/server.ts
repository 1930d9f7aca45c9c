/** The process entry point of `npm start`: see http/run-server.ts. */
import { runServer } from './http/run-server.js';

await runServer();
