import { z } from 'zod';
import { UUID_PATTERN } from './ids';
import { text } from './text';

/*
 * The `:name` segments of route paths, as schemas: a route's `params`. Every id the API hands out
 * is a UUID, so a segment that is not one names nothing. Its message is the "not found" answer
 * (see parsePathParams in src/domain/path-params.ts): the same 404 an unknown id gets, so a
 * client cannot tell a malformed id from a missing row, and the database is never asked. Ids are
 * handed on in lower case, the form the API hands out, so an upper-case copy names the same row
 * in the mocks as in PostgreSQL.
 */
const uuid = (what: string) => text().regex(UUID_PATTERN, `${what} was not found.`).toLowerCase();
const idParams = (what: string) => z.object({ id: uuid(what) });

export const ConversationParamsSchema = idParams('This conversation');
export const FileParamsSchema = idParams('This file');
export const QueueParamsSchema = idParams('This queue');
export const WrapUpCodeParamsSchema = idParams('This wrap-up code');
export const UserParamsSchema = idParams('This user');
export const SessionParamsSchema = idParams('This session');
export const DeviceParamsSchema = idParams('This device');
export const CannedResponseParamsSchema = idParams('This canned response');
export const ChannelParamsSchema = idParams('This channel');
/** A message of a conversation. */
export const MessageParamsSchema = z.object({ id: uuid('This conversation'), messageId: uuid('This message') });
