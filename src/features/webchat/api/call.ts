import { webchatRoutes, type WebchatAnswer, type WebchatRoute } from '../../../contract/webchat-routes';
import { requestJson, sendFile, type CallOptions, type UploadOptions } from '../../../lib/http';

/**
 * The web chat's calls. Unlike the staff panel's (lib/api-client.ts) they do not parse answers
 * with the contract's schemas: zod would be about a sixth of the customers' first load (issue
 * 11's 120 KB), and the server parses every answer with those very schemas before sending it
 * (server/http/define-route.ts), so the check here would only repeat it. Requests are still
 * checked by the server as strictly as the staff panel's.
 */
const asAnswer =
  <K extends WebchatRoute>() =>
  (json: unknown) =>
    json as WebchatAnswer<K>;

export const callWebchat = <K extends WebchatRoute>(route: K, opts: CallOptions = {}) => requestJson(webchatRoutes[route], opts, asAnswer<K>());

export const uploadToWebchat = <K extends WebchatRoute>(route: K, opts: UploadOptions) => sendFile(webchatRoutes[route], opts, asAnswer<K>());
