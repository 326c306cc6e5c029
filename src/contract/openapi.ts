import { z } from 'zod';
import type { RouteDef, RouteName } from './api';
import { allRoutes } from './all-routes';
import { apiDescriptions, apiSummaries } from './api-summaries';
import { ApiErrorSchema } from './errors';
import { RealtimeFrameSchema, RealtimeHelloSchema } from './events';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** The route's query or path parameters, from its contract schema (an object, one key each). */
function parameters(route: RouteDef, where: 'query' | 'path') {
  const declared = where === 'query' ? route.query : route.params;
  if (!declared) return [];
  const schema = toSchema(declared, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required?.includes(name) ?? false),
    schema: s,
  }));
}

/** Uploads: one file part named `file` (ATTACHMENT_UPLOAD_FIELD). */
const MULTIPART_FILE_BODY = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
    },
  },
};

/** Downloads: the bytes, whole or one Range. */
const BINARY_RESPONSES = {
  '200': { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
  '206': { description: 'The requested byte range', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
  '416': { description: 'Range not satisfiable' },
};

/** The OpenAPI 3 document for mobile and other API clients, generated from the contract. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { content: { 'application/json': { schema: toSchema(ApiErrorSchema, 'output') } } };
  for (const [name, route] of Object.entries(allRoutes) as [RouteName, RouteDef][]) {
    const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      operationId: name,
      summary: apiSummaries[name],
      ...(apiDescriptions[name] && { description: apiDescriptions[name] }),
      security: [
        ...(route.access === 'public' ? [] : route.access === 'customer' ? [{ customerToken: [] }] : [{ bearer: [] }, { cookie: [] }]),
        // A signed link (`exp` and `sig` in the query) needs no other credential.
        ...(route.responseFormat === 'binary' ? [{}] : []),
      ],
      parameters: [...parameters(route, 'path'), ...parameters(route, 'query')],
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } },
      }),
      ...(route.bodyFormat === 'multipart' && { requestBody: MULTIPART_FILE_BODY }),
      responses: {
        ...(route.responseFormat === 'binary'
          ? BINARY_RESPONSES
          : route.bodyFormat === 'multipart'
            ? {
                '201': { description: 'Stored', content: { 'application/json': { schema: toSchema(route.response, 'output') } } },
                '413': { description: 'File over the size limit (code file_too_large)', ...error },
              }
            : { '200': { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } } }),
        '400': { description: 'Invalid request', ...error },
        '401': { description: 'Not logged in', ...error },
        '403': { description: 'Not allowed', ...error },
        '404': { description: 'Not found', ...error },
        '409': { description: 'Conflict with the current state', ...error },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Communication Panel API',
      version,
      description:
        'Realtime: open a WebSocket to /api/realtime, send the hello frame (x-realtime-hello), then receive frames (x-realtime-frame).',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/auth/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'cp_session' },
        customerToken: { type: 'http', scheme: 'bearer', description: 'customerToken from POST /api/webchat/conversations' },
      },
    },
    paths,
    'x-realtime-hello': toSchema(RealtimeHelloSchema, 'input'),
    'x-realtime-frame': toSchema(RealtimeFrameSchema, 'output'),
  };
}
