import { expect, it } from "vitest";
import type { User } from "../../contract/auth";
import type { Principal } from "../auth/principal";
import type { LoggedEvent } from "./event-log";
import { frameFor, sharedFrames } from "./visibility";

/*
 * The hub builds each audience's frame once per event and hands the same object to all its
 * sockets. Whatever it shares must be exactly what frameFor gives each principal on its own.
 */

const QUEUE = "00000000-0000-4000-8000-000000000001";
const OTHER_QUEUE = "00000000-0000-4000-8000-000000000002";
const CONVERSATION = "00000000-0000-4000-8000-0000000000c1";

const staff = (id: string, role: User["role"], queueIds: string[]): Principal =>
  ({
    kind: "staff",
    sessionHash: `s-${id}`,
    user: { id, username: id, displayName: id, role, queueIds },
  }) as unknown as Principal;
const anna = staff("00000000-0000-4000-8000-0000000000a1", "agent", [QUEUE]);
const ben = staff("00000000-0000-4000-8000-0000000000b1", "agent", [QUEUE]);
const outsider = staff("00000000-0000-4000-8000-0000000000d1", "agent", [
  OTHER_QUEUE,
]);
const sara = staff("00000000-0000-4000-8000-0000000000e1", "supervisor", []);
const customer: Principal = {
  kind: "customer",
  conversationId: CONVERSATION,
  customerId: "c",
};
const otherCustomer: Principal = {
  kind: "customer",
  conversationId: OTHER_QUEUE,
  customerId: "d",
};
const principals = [anna, ben, outsider, sara, customer, otherCustomer];

const scope = { conversationId: CONVERSATION, queueId: QUEUE, agentId: null };
const message = {
  id: "m1",
  conversationId: CONVERSATION,
  seq: 1,
  clientMessageId: "client-1",
  authorKind: "agent",
  authorId: anna.kind === "staff" ? anna.user.id : "",
  authorName: "Anna",
  text: "Hello",
  createdAt: "2026-01-01T00:00:00.000Z",
  attachments: [],
};
const events = [
  { event: { seq: 1, at: "x", type: "message.created", message }, scope },
  {
    event: { seq: 2, at: "x", type: "note.created", note: { id: "n1" } },
    scope,
  },
  {
    event: { seq: 3, at: "x", type: "settings.updated", settings: {} },
    scope: null,
  },
  {
    event: { seq: 4, at: "x", type: "read.updated", read: {} },
    scope: { userId: anna.kind === "staff" ? anna.user.id : "" },
  },
] as unknown as LoggedEvent[];

it("gives every principal exactly its own frame, sharing one object per audience", () => {
  for (const stored of events) {
    const frames = sharedFrames(stored);
    for (const p of principals)
      expect(frames(p), `${stored.event.type}`).toEqual(frameFor(p, stored));
  }
  const created = sharedFrames(events[0]!);
  // The author learns the client id; the other agent and the supervisor share one frame without it.
  expect(created(anna)).not.toBe(created(ben));
  expect(created(ben)).toBe(created(sara));
  expect(created(outsider)).toBeNull();
});
