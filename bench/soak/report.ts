import type { Findings } from './checks';
import type { FaultInjector } from './faults';
import type { Crash, Instance } from './instances';
import type { SoakSocket } from './realtime';

export interface RunSummary {
  findings: Findings | null;
  /** Why the run could not be judged completely (stuck, could not settle…), if so. */
  problems: string[];
  crashes: Crash[];
  instances: Instance[];
  faults: FaultInjector | null;
  sockets: SoakSocket[];
  loadSeconds: number;
  conversations: number;
  settledInSeconds: number | null;
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number | null) => (v === null ? '—' : `${v} ms`);

/** Prints the figures and returns whether the run passed. */
export function report(run: RunSummary): boolean {
  const f = run.findings;
  const resyncs = run.sockets.flatMap((s) => s.resyncMs);
  const failures: string[] = [...run.problems];
  if (f) {
    if (f.acknowledged === 0) failures.push('no message was acknowledged at all');
    if (f.lost) failures.push(`${f.lost} acknowledged messages lost`);
    if (f.duplicated) failures.push(`${f.duplicated} messages stored more than once`);
    if (f.reordered) failures.push(`${f.reordered} messages stored out of acknowledgement order`);
    if (f.undelivered) failures.push(`${f.undelivered} messages never reached a socket that should have them`);
    if (f.deliveredTwice) failures.push(`${f.deliveredTwice} messages reached a socket twice`);
    if (f.deliveredOutOfOrder) failures.push(`${f.deliveredOutOfOrder} messages reached a socket out of order`);
    if (f.protocolProblems) failures.push(`${f.protocolProblems} frames broke the realtime protocol`);
  }
  if (run.crashes.length) failures.push(`${run.crashes.length} instance crash(es) the soak did not cause`);

  console.log('\n## Soak results');
  console.log(`conversations started: ${run.conversations}; load ${run.loadSeconds} s; settled ${run.settledInSeconds === null ? 'NOT within the deadline' : `${run.settledInSeconds} s after the load stopped`}`);
  if (f) {
    console.table({
      messages: {
        sent: f.sent,
        acknowledged: f.acknowledged,
        'refused (4xx)': f.refused,
        'gave up': f.gaveUp,
        stored: f.stored,
        'stored, unacked': f.storedUnacknowledged,
        lost: f.lost,
        duplicated: f.duplicated,
        reordered: f.reordered,
      },
    });
    console.table({
      sockets: {
        sockets: run.sockets.length,
        delivered: f.delivered,
        undelivered: f.undelivered,
        'twice over a socket': f.deliveredTwice,
        'out of order': f.deliveredOutOfOrder,
        'protocol problems': f.protocolProblems,
        resyncs: resyncs.length,
        'resync p50': ms(percentile(resyncs, 50)),
        'resync p99': ms(percentile(resyncs, 99)),
        resets: run.sockets.reduce((n, s) => n + s.resets, 0),
      },
    });
  }
  const faults = run.faults;
  console.table(
    Object.fromEntries(
      run.instances.map((i) => [
        i.name,
        { 'kill -9 (soak)': i.kills, 'crashed by itself': run.crashes.filter((c) => c.instance === i.name).length, restarts: i.restarts },
      ]),
    ),
  );
  if (faults) {
    console.log(
      `faults: ${faults.dropRounds} socket drops (${faults.socketsDropped} sockets), ${faults.terminations} database terminations (${faults.backendsTerminated} connections)`,
    );
    console.log(faults.log.map((l) => `  ${l}`).join('\n'));
  }
  for (const crash of run.crashes) {
    console.log(`\nCRASH: ${crash.instance} died by itself at ${crash.at.toFixed(1)} s (${crash.exit}). Its last output:`);
    // The error and where it was thrown; pg's long list of empty error fields and deep frames are left out.
    let frames = 0;
    const lines = crash.log.filter((l) => {
      if (/^\s+\w+: undefined,?$/.test(l)) return false;
      // The first two frames of each stack trace say where; the rest is pg's and Node's internals.
      if (!/^\s+(at |\[\.\.\.)/.test(l)) return (frames = 0) === 0;
      return ++frames <= 2;
    });
    console.log(lines.map((l) => `  | ${l}`).join('\n'));
  }
  const errorFrames = run.sockets.flatMap((s) => s.errorFrames.map((e) => `${s.name}: ${e}`));
  if (errorFrames.length) console.log(`\nerror frames and failed refetches (${errorFrames.length}):\n  ${errorFrames.slice(0, 8).join('\n  ')}`);
  if (f?.examples.length) console.log(`\nexamples:\n  ${f.examples.join('\n  ')}`);
  console.log(failures.length ? `\nFAIL:\n  ${failures.join('\n  ')}` : '\nPASS: nothing acknowledged was lost, duplicated or reordered; every socket got every message once, in order.');
  return failures.length === 0;
}
