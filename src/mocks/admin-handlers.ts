import type { HttpHandler } from 'msw';
import type { AdminQueue, AdminUser, SaveQueueRequest, WebchatIdentityStatus } from '../contract/admin';
import type { User } from '../contract/auth';
import { initialAgentState, mockData } from './data';
import { publishWorkspace } from './event-log';
import { adminRecords, isDisabled, recordAdminAction } from './admin-records';
import { binary } from './access';
import { fieldError, MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { agentState, sweepRouting } from './routing';
import { endSessions, requireStaff } from './sessions';
import { limitChanges, type QueueLimitSettings } from '../domain/queue-limits';
import { limitsOf, rescheduleHeld } from './queue-limits';

/*
 * The admins' routes, as src/server/admin: queues, users and the audit list of admin changes.
 * Every change is announced like the server's: user.updated for each user it changes (an agent
 * who joins or leaves a queue included), queue.updated for a queue created or changed.
 */


const byDisplayName = (a: { displayName: string; id: string }, b: { displayName: string; id: string }) =>
  a.displayName.localeCompare(b.displayName) || binary(a.id, b.id);

function toAdminQueue(queueId: string): AdminQueue {
  const queue = mockData.queues.find((q) => q.id === queueId)!;
  const agentIds = mockData.users
    .filter((u) => u.queueIds.includes(queueId))
    .sort(byDisplayName)
    .map((u) => u.id);
  return { ...structuredClone(queue), agentIds, ...limitsOf(queueId) };
}

function toAdminUser(user: User): AdminUser {
  const state = agentState(user.id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    capacity: state.capacity,
    queueIds: [...user.queueIds],
    disabled: isDisabled(user.id),
    presence: structuredClone(state.presence),
    // The demo users were created with the workspace.
    createdAt: adminRecords().createdAt.get(user.id) ?? state.idleSince,
  };
}

const record = recordAdminAction;

const limitSettings = (body: SaveQueueRequest): QueueLimitSettings => ({ openingHours: body.openingHours, leaveMessage: body.leaveMessage, maxWaiting: body.maxWaiting });

/** The web-chat identity secret's state, never the secret. */
function identityStatus(): WebchatIdentityStatus {
  const identity = mockData.webchatIdentity;
  return identity
    ? { configured: true, generatedAt: identity.generatedAt, generatedBy: { ...identity.generatedBy } }
    : { configured: false, generatedAt: null, generatedBy: null };
}

const IDENTITY_TARGET = { kind: 'settings', id: null, name: 'Web-chat identity secret' } as const;

/** 32 random bytes in hex, as the server's. */
function newSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An admin, from the session: 401 without one, 403 for anyone else. */
function requireAdminCaller(ctx: Parameters<typeof requireStaff>[0]): User {
  const { user } = requireStaff(ctx);
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admins can manage queues and users.');
  return user;
}

/** Name and address free (ignoring case and the queue itself), every listed user an agent. */
function validateQueue(input: SaveQueueRequest, selfId: string | null): User[] {
  const others = mockData.queues.filter((q) => q.id !== selfId);
  if (others.some((q) => q.name.toLowerCase() === input.name.toLowerCase())) {
    throw fieldError('name', `A queue named ${input.name} already exists. Choose another name.`, 'taken');
  }
  if (others.some((q) => q.address.toLowerCase() === input.address.toLowerCase())) {
    throw fieldError('address', `Another queue already uses ${input.address}. Choose another address.`, 'taken');
  }
  const agents = input.agentIds.map((id) => mockData.users.find((u) => u.id === id));
  if (agents.some((u) => !u)) throw fieldError('agentIds', 'One of the chosen agents does not exist.', 'unknown_choice');
  const notAgent = agents.find((u) => u!.role !== 'agent');
  if (notAgent) throw fieldError('agentIds', `${notAgent.displayName} is a ${notAgent.role}: only agents serve queues.`, 'not_allowed');
  return agents as User[];
}

/** Tells every panel a user changed (name, role, queues, access), as the server's user.updated. */
const announceUser = (user: Pick<User, 'id' | 'displayName'>) => publishWorkspace({ type: 'user.updated', user: { id: user.id, displayName: user.displayName } });

/** Tells every panel a queue was created or changed, as the server's queue.updated (without its agents). */
function announceQueue(queueId: string) {
  const { id, name, address, routingMode } = mockData.queues.find((q) => q.id === queueId)!;
  publishWorkspace({ type: 'queue.updated', queue: { id, name, address, routingMode } });
}

/**
 * Makes the queue's agents exactly `agents`; returns who joined and who left, whose panels are
 * told (their queues changed) as the server tells them.
 */
function setQueueAgents(queueId: string, agents: User[]) {
  const joined: User[] = [];
  const left: User[] = [];
  for (const u of mockData.users) {
    const serves = u.queueIds.includes(queueId);
    const should = agents.some((a) => a.id === u.id);
    if (serves && !should) left.push(u);
    if (!serves && should) joined.push(u);
    // The server lists a user's queue ids sorted.
    u.queueIds = (should ? [...new Set([...u.queueIds, queueId])] : u.queueIds.filter((id) => id !== queueId)).sort();
  }
  [...joined, ...left].forEach(announceUser);
  return { joined, left };
}

const names = (people: User[]) => people.map((p) => p.displayName).join(', ');

/** Only agents serve queues, and only queues that exist. */
function validateQueues(role: User['role'], queueIds: string[]) {
  if (queueIds.length === 0) return [];
  if (role !== 'agent') throw fieldError('queueIds', `Only agents serve queues: a ${role} cannot be given any.`, 'not_allowed');
  const queues = queueIds.map((id) => mockData.queues.find((q) => q.id === id));
  if (queues.some((q) => !q)) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  return (queues as NonNullable<(typeof queues)[number]>[]).sort((a, b) => a.name.localeCompare(b.name));
}

/** Ends every session of the user (the server also closes their sockets). */
function endUserSessions(userId: string) {
  endSessions((s) => s.userId === userId);
  mockData.loggedInElsewhere.delete(userId);
}

/** A disabled agent, or one who stops being an agent, gives back what they hold and their offers. */
function releaseWork(userId: string) {
  for (const c of mockData.conversations) {
    if (c.state === 'picked' && c.agentId === userId) Object.assign(c, { state: 'queued', agentId: null, pickedAt: null, returnedAt: new Date().toISOString() });
    if (c.state === 'offered' && c.offeredToId === userId) Object.assign(c, { state: 'queued', offeredToId: null, offerExpiresAt: null });
    if (c.state === 'queued' && c.reservedForId === userId) c.reservedForId = null;
  }
}

type AdminRoute =
  | 'adminQueues'
  | 'createQueue'
  | 'updateQueue'
  | 'adminUsers'
  | 'createUser'
  | 'updateUser'
  | 'resetPassword'
  | 'adminAudit'
  | 'webchatIdentity'
  | 'generateWebchatSecret'
  | 'revealWebchatSecret';

export const adminHandlers: { [R in AdminRoute]: HttpHandler } = {
  adminQueues: route('adminQueues', (ctx) => {
    requireAdminCaller(ctx);
    const queues = [...mockData.queues].sort((a, b) => a.name.localeCompare(b.name) || binary(a.id, b.id));
    return { queues: queues.map((q) => toAdminQueue(q.id)) };
  }),

  createQueue: route('createQueue', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const agents = validateQueue(ctx.body, null);
    const id = crypto.randomUUID();
    mockData.queues.push({ id, name: ctx.body.name, address: ctx.body.address, routingMode: ctx.body.routingMode });
    mockData.queueLimits.set(id, limitSettings(ctx.body));
    setQueueAgents(id, agents);
    const queue = toAdminQueue(id);
    record(
      admin,
      'queue.created',
      { kind: 'queue', id, name: queue.name },
      `Created queue ${queue.name} (${queue.routingMode}, ${queue.address})` +
        (agents.length ? `, served by ${names(agents)}` : ', served by nobody yet') +
        limitChanges(null, queue).map((c) => `; ${c}`).join(''),
    );
    announceQueue(id);
    ctx.setStatus(201);
    return { queue };
  }),

  updateQueue: route('updateQueue', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const id = ctx.params.id;
    const existing = mockData.queues.find((q) => q.id === id);
    if (!existing) throw notFound('This queue');
    const before = toAdminQueue(id);
    const agents = validateQueue(ctx.body, id);
    Object.assign(existing, { name: ctx.body.name, address: ctx.body.address, routingMode: ctx.body.routingMode });
    mockData.queueLimits.set(id, limitSettings(ctx.body));
    const { joined, left } = setQueueAgents(id, agents);
    const changes: string[] = [];
    if (before.name !== existing.name) changes.push(`renamed from ${before.name}`);
    if (before.address !== existing.address) changes.push(`address ${before.address} → ${existing.address}`);
    if (before.routingMode !== existing.routingMode) changes.push(`routing ${before.routingMode} → ${existing.routingMode}`);
    if (joined.length) changes.push(`added ${names(joined)}`);
    if (left.length) changes.push(`removed ${names(left)}`);
    const limits = limitChanges(before, limitsOf(id));
    changes.push(...limits);
    if (limits.length) rescheduleHeld(id);
    if (changes.length) {
      record(admin, 'queue.updated', { kind: 'queue', id, name: existing.name }, `Changed queue ${existing.name}: ${changes.join('; ')}`);
      announceQueue(id);
    }
    // A queue that now offers, or has new agents, may have conversations to offer.
    sweepRouting();
    return { queue: toAdminQueue(id) };
  }),

  adminUsers: route('adminUsers', (ctx) => {
    requireAdminCaller(ctx);
    return { users: [...mockData.users].sort(byDisplayName).map(toAdminUser) };
  }),

  createUser: route('createUser', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const input = ctx.body;
    if (mockData.users.some((u) => u.username.toLowerCase() === input.username.toLowerCase())) {
      throw fieldError('username', `The username ${input.username} is taken. Choose another one.`, 'taken');
    }
    const queues = validateQueues(input.role, input.queueIds);
    const user: User = { id: crypto.randomUUID(), username: input.username, displayName: input.displayName, role: input.role, queueIds: queues.map((q) => q.id).sort() };
    mockData.users.push(user);
    mockData.passwords.set(user.id, input.password);
    mockData.agentStates.set(user.id, initialAgentState(input.capacity));
    adminRecords().createdAt.set(user.id, new Date().toISOString());
    record(
      admin,
      'user.created',
      { kind: 'user', id: user.id, name: user.displayName },
      `Created ${input.role} ${input.displayName} (${input.username})` + (queues.length ? `, serving ${queues.map((q) => q.name).join(', ')}` : ''),
    );
    announceUser(user);
    ctx.setStatus(201);
    return { user: toAdminUser(user) };
  }),

  updateUser: route('updateUser', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const id = ctx.params.id;
    const user = mockData.users.find((u) => u.id === id);
    if (!user) throw notFound('This user');
    const input = ctx.body;
    if (user.id === admin.id) {
      if (input.disabled) throw fieldError('disabled', 'You cannot disable your own account. Ask another admin.', 'not_allowed');
      if (input.role !== 'admin') throw fieldError('role', 'You cannot change your own role. Ask another admin.', 'not_allowed');
    }
    const before = toAdminUser(user);
    const queues = validateQueues(input.role, input.queueIds);
    const losesAdmin = before.role === 'admin' && !before.disabled && (input.role !== 'admin' || input.disabled);
    if (losesAdmin && !mockData.users.some((u) => u.id !== id && u.role === 'admin' && !isDisabled(u.id))) {
      throw fieldError(input.disabled ? 'disabled' : 'role', `${before.displayName} is the last enabled admin. Make someone else an admin first.`, 'not_allowed');
    }
    const wasActiveAgent = before.role === 'agent' && !before.disabled;
    if (wasActiveAgent && !(input.role === 'agent' && !input.disabled)) releaseWork(id);
    Object.assign(user, { displayName: input.displayName, role: input.role, queueIds: queues.map((q) => q.id).sort() });
    agentState(id).capacity = input.capacity;
    if (input.disabled) adminRecords().disabled.add(id);
    else adminRecords().disabled.delete(id);

    const changes: string[] = [];
    if (before.displayName !== input.displayName) changes.push(`renamed from ${before.displayName}`);
    if (before.role !== input.role) changes.push(`role ${before.role} → ${input.role}`);
    if (before.capacity !== input.capacity) changes.push(`capacity ${before.capacity} → ${input.capacity}`);
    const added = queues.filter((q) => !before.queueIds.includes(q.id)).map((q) => q.name);
    const removed = mockData.queues.filter((q) => before.queueIds.includes(q.id) && !queues.some((x) => x.id === q.id)).map((q) => q.name).sort();
    if (added.length) changes.push(`added to ${added.join(', ')}`);
    if (removed.length) changes.push(`removed from ${removed.join(', ')}`);
    const disabledChanged = before.disabled !== input.disabled;
    if (disabledChanged || changes.length) {
      if (input.disabled && disabledChanged) endUserSessions(id);
      const rest = changes.length ? `; ${changes.join(', ')}` : '';
      const [action, summary] = !disabledChanged
        ? ['user.updated', `Changed ${input.displayName}: ${changes.join(', ')}`]
        : input.disabled
          ? ['user.disabled', `Disabled ${input.displayName}${rest}`]
          : ['user.enabled', `Enabled ${input.displayName}${rest}`];
      record(admin, action, { kind: 'user', id, name: input.displayName }, summary);
      announceUser(user);
    }
    sweepRouting();
    return { user: toAdminUser(user) };
  }),

  resetPassword: route('resetPassword', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const id = ctx.params.id;
    const user = mockData.users.find((u) => u.id === id);
    if (!user) throw notFound('This user');
    mockData.passwords.set(id, ctx.body.password);
    endUserSessions(id);
    record(admin, 'user.password_reset', { kind: 'user', id, name: user.displayName }, `Reset the password of ${user.displayName}; their sessions ended`);
    announceUser(user);
    return { user: toAdminUser(user) };
  }),

  adminAudit: route('adminAudit', (ctx) => {
    requireAdminCaller(ctx);
    return { entries: structuredClone(adminRecords().audit).reverse() };
  }),

  webchatIdentity: route('webchatIdentity', (ctx) => {
    requireAdminCaller(ctx);
    return { identity: identityStatus() };
  }),

  generateWebchatSecret: route('generateWebchatSecret', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const rotated = mockData.webchatIdentity !== null;
    const secret = newSecret();
    mockData.webchatIdentity = { secret, generatedAt: new Date().toISOString(), generatedBy: { id: admin.id, displayName: admin.displayName } };
    record(
      admin,
      rotated ? 'webchat_secret.rotated' : 'webchat_secret.generated',
      IDENTITY_TARGET,
      rotated ? 'Rotated the web-chat identity secret: links signed with the old one no longer work' : 'Generated the web-chat identity secret',
    );
    return { identity: identityStatus(), secret };
  }),

  revealWebchatSecret: route('revealWebchatSecret', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const identity = mockData.webchatIdentity;
    if (!identity) throw new MockApiError(404, 'not_found', 'No web-chat identity secret is set up yet. Generate one first.');
    record(admin, 'webchat_secret.revealed', IDENTITY_TARGET, 'Revealed the web-chat identity secret');
    return { identity: identityStatus(), secret: identity.secret };
  }),
};
