import { type HttpCustomPredicate, type HttpHandler, HttpResponse, type HttpResponseResolver, type PathParams, delay, http, matchRequestUrl } from 'msw';
import type { z } from 'zod';
import type { Api, HttpMethod, RouteDef, RouteName } from '../contract/api';
import { allRoutes } from '../contract/all-routes';
import type { ApiErrorBody } from '../contract/errors';
import { fieldIssuesOf } from '../contract/field-issue';
import { parsePathParams } from '../domain/path-params';
import { MockApiError } from './mock-errors';
import { sweepRouting } from './routing';
import { requireCredential, type Caller } from './sessions';

/*
 * The mock counterpart of src/server/http/define-route.ts: a contract route's matcher, its input
 * parsing and its error answers, for every handler module (src/mocks/*-handlers.ts). Handlers answer
 * like src/server does: the same status codes, error codes and messages, the same order of checks
 * (a request without any credential is refused before its body and query are validated, as the
 * server's defineRoute does). Keep them in step with the server when its behaviour changes.
 */

/** Fastify's bodyLimit in src/server/app.ts. */
const BODY_LIMIT_BYTES = 256 * 1024;

type Def<R extends RouteName> = Api[R];
/** Uploads and downloads: not JSON, so `fileRoute` answers them rather than `route`. */
type FileRouteName = { [R in RouteName]: Def<R> extends { responseFormat: 'binary' } | { bodyFormat: 'multipart' } ? R : never }[RouteName];
type JsonRouteName = Exclude<RouteName, FileRouteName>;
type SchemaOf<D, K extends 'body' | 'query' | 'params'> = D extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the client sends as the body of route R. */
export type MockRequestBody<R extends RouteName> =
  SchemaOf<Def<R>, 'body'> extends z.ZodType ? z.input<SchemaOf<Def<R>, 'body'>> : never;
/** What route R answers: its contract response, or an API error. */
export type MockResponseBody<R extends RouteName> = z.output<Def<R>['response']> | ApiErrorBody;

export interface RouteContext<R extends RouteName> {
  body: Parsed<SchemaOf<Def<R>, 'body'>>;
  query: Parsed<SchemaOf<Def<R>, 'query'>>;
  params: Parsed<SchemaOf<Def<R>, 'params'>>;
  request: Request;
  cookies: Record<string, string>;
  /** Defaults to 200. */
  setStatus(status: number): void;
  /** Headers to add to a successful answer (Set-Cookie). */
  headers: Headers;
}

/** MSW's path parameters as Fastify hands them over: one string each. */
const stringParams = (params: PathParams) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

/** Parses input with a contract schema; a failure is a 400 naming each bad field (as the server's parseInput). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const { fields, fieldIssues } = fieldIssuesOf(result.error.issues, input ?? {}, what);
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === what ? first[1] : `${first[0]}: ${first[1]}`) : `Invalid ${what}.`;
  throw new MockApiError(400, 'invalid_request', message, { fields, fieldIssues });
}

/** The body as Fastify would hand it to the route: JSON, plain text, or nothing. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!contentType) return undefined;
  if (new TextEncoder().encode(text).length > BODY_LIMIT_BYTES) {
    throw new MockApiError(413, 'invalid_request', 'Request body is too large');
  }
  if (contentType === 'application/json') {
    if (text === '') throw new MockApiError(400, 'invalid_request', "Body cannot be empty when content-type is set to 'application/json'");
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new MockApiError(400, 'invalid_request', "Body is not valid JSON but content-type is set to 'application/json'");
    }
  }
  if (contentType === 'text/plain') return text;
  // The server parses multipart bodies (for uploads); a JSON route then finds no body.
  if (contentType === 'multipart/form-data') return undefined;
  if (text === '') return undefined;
  throw new MockApiError(415, 'invalid_request', 'Unsupported Media Type');
}

const METHODS: Record<HttpMethod, typeof http.get> = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
};

/**
 * Matches a path pattern (`:id` segments allowed) at the root of whatever origin the request went
 * to. A bare path would not do: msw/node has no page origin to resolve it against. Nor would a
 * `*` prefix: it also matches Vite's modules, e.g. /src/features/auth/api/login.ts in the browser.
 * Use it for per-test overrides too: `server.use(http.post(onPath(api.pick.path), ...))`.
 */
export function onPath(path: string): HttpCustomPredicate<PathParams> {
  return ({ request }) => matchPath(request, path);
}

function matchPath(request: Request, path: string) {
  const url = new URL(request.url);
  const { matches, params } = matchRequestUrl(url, path, url.origin);
  return { matches, params: params ?? {} };
}

/**
 * Whether Fastify's router prefers path `a` to path `b` for a URL both match: at the first
 * segment where they differ, a fixed segment wins over a `:parameter`.
 */
function preferred(a: string, b: string): boolean {
  const [as, bs] = [a.split('/'), b.split('/')];
  if (as.length !== bs.length) return false;
  for (let i = 0; i < as.length; i++) {
    const [x, y] = [as[i]!, bs[i]!];
    if (x === y) continue;
    const [xParam, yParam] = [x.startsWith(':'), y.startsWith(':')];
    if (xParam && yParam) continue;
    return !xParam && yParam;
  }
  return false;
}

/**
 * A contract route's matcher. Like the server, a fixed path wins over a parametric one:
 * `/api/conversations/handled` is the history list, not the conversation with id `handled`.
 */
function onRoute(def: RouteDef): HttpCustomPredicate<PathParams> {
  const rivals = (Object.values(allRoutes) as RouteDef[]).filter((r) => r.method === def.method && preferred(r.path, def.path));
  return ({ request }) => {
    const own = matchPath(request, def.path);
    if (own.matches && rivals.some((r) => matchPath(request, r.path).matches)) return { matches: false, params: {} };
    return own;
  };
}

export function route<R extends JsonRouteName>(
  name: R,
  run: (ctx: RouteContext<R>) => z.input<Def<R>['response']> | Promise<z.input<Def<R>['response']>>,
): HttpHandler {
  const def: RouteDef = allRoutes[name];
  type Resolver = HttpResponseResolver<PathParams, MockRequestBody<R>, MockResponseBody<R>>;
  // The cast only bridges MSW's conditional return type, which TypeScript cannot resolve for a
  // generic R; `run` and the response parse below are what tie the answer to the contract.
  const resolver = (async ({ request, params, cookies }: Parameters<Resolver>[0]) => {
    // A realistic 100–400 ms in the browser (so loading states show), 5 ms in Node.
    await delay();
    try {
      const rawBody = def.method === 'GET' ? undefined : await readBody(request);
      // As the server's defineRoute: a caller without any credential is told to log in before its input is judged.
      requireCredential(def, request, cookies);
      const body = def.body ? parseInput(def.body, rawBody, 'body') : undefined;
      const query = def.query
        ? parseInput(def.query, Object.fromEntries(new URL(request.url).searchParams), 'query')
        : undefined;
      const pathParams = def.params ? parsePathParams(def.params, stringParams(params)) : undefined;
      let status = 200;
      const headers = new Headers();
      // The server's sweeper runs every second; here, before each answer (see sweepRouting).
      sweepRouting();
      const result = await run({
        body: body as RouteContext<R>['body'],
        query: query as RouteContext<R>['query'],
        params: pathParams as RouteContext<R>['params'],
        request,
        cookies,
        setStatus: (s) => (status = s),
        headers,
      });
      // Like the server, never answer something the contract does not promise.
      const checked = def.response.parse(result) as z.output<Def<R>['response']>;
      return HttpResponse.json<MockResponseBody<R>>(checked, { status, headers });
    } catch (err) {
      if (err instanceof MockApiError) return HttpResponse.json<MockResponseBody<R>>(err.toBody(), { status: err.status });
      console.error(`[mocks] ${def.method} ${def.path} failed`, err);
      return HttpResponse.json<MockResponseBody<R>>(
        { code: 'internal', message: 'Something went wrong on the server. Please try again.' },
        { status: 500 },
      );
    }
  }) as Resolver;
  return METHODS[def.method]<PathParams, MockRequestBody<R>, MockResponseBody<R>>(onRoute(def), resolver);
}

/** Upload and download routes, which are not JSON: the handler builds its own answer; errors are JSON. */
export function fileRoute<R extends FileRouteName>(
  name: R,
  run: (ctx: Caller & { params: Record<string, string> }) => Promise<Response> | Response,
): HttpHandler {
  const def: RouteDef = allRoutes[name];
  return METHODS[def.method](onRoute(def), async ({ request, params, cookies }) => {
    await delay();
    try {
      return await run({ request, cookies, params: stringParams(params) });
    } catch (err) {
      if (err instanceof MockApiError) return HttpResponse.json<ApiErrorBody>(err.toBody(), { status: err.status });
      console.error(`[mocks] ${def.method} ${def.path} failed`, err);
      return HttpResponse.json<ApiErrorBody>({ code: 'internal', message: 'Something went wrong on the server. Please try again.' }, { status: 500 });
    }
  });
}

/**
 * Any other /api request gets the server's not-found answer (src/server/app.ts), rather than
 * falling through to Vite's index.html. It is logged, since the contract has no such route.
 */
export const notFoundHandler = http.all(onPath('/api/*'), ({ request }) => {
  const { pathname } = new URL(request.url);
  console.error(`[mocks] ${request.method} ${pathname} is not a route of the API contract (src/contract/api.ts).`);
  return HttpResponse.json<ApiErrorBody>(
    { code: 'not_found', message: `No route for ${request.method} ${pathname}.` },
    { status: 404 },
  );
});
