// Which interactive sign-in flows to try, in which order: the choice without the flows' UI, so that it is
// tested in plain Node (signInFlows.ts holds the flows themselves).
import type { SignInFlow } from '../settings';

/** Where the extension host runs: a local desktop window, a remote one (SSH, container, code-server), or the web. */
export type ExtensionHostKind = 'desktop' | 'remote' | 'web';

export interface FlowQuery {
  host: ExtensionHostKind;
  /** mailOAuth.auth.signInFlow. */
  setting: SignInFlow;
  /** What the caller asked for (the "Sign In with Device Code" command, a test). */
  requested?: SignInFlow;
}

/**
 * The flows to try, in order. A flow the caller asked for is the only one; a flow the setting names goes
 * first, whatever the host (the person knows their set-up), followed by the ones after it; otherwise (auto)
 * the flows that say they run here.
 */
export function chooseFlows<F extends { id: SignInFlow; runsOn: readonly ExtensionHostKind[] }>(all: readonly F[], query: FlowQuery): F[] {
  if (query.requested && query.requested !== 'auto') return all.filter((f) => f.id === query.requested);
  const named = all.findIndex((f) => f.id === query.setting);
  if (query.setting !== 'auto' && named >= 0) return all.slice(named);
  return all.filter((f) => f.runsOn.includes(query.host));
}
