import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { realtimeHandler } from './realtime-socket';

/**
 * The mock API for Vitest: `server.listen()` in beforeAll, `server.close()` in afterAll. The
 * realtime socket is mocked too, so a component test's panel gets live events as in dev:mock.
 */
export const server = setupServer(...handlers, realtimeHandler);
