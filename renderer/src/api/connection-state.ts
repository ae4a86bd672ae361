/**
 * Whether the server (the store host, for a workstation) answers. The HTTP transport reports every failed and
 * every answered request; the banner reads this and retries until the host is back. IPC never goes away.
 */
export interface ConnectionState {
  online: boolean;
  /** When the connection was found lost (ms). */
  lostAt: number | null;
}

let state: ConnectionState = { online: true, lostAt: null };
const listeners = new Set<() => void>();

function set(next: ConnectionState): void {
  if (next.online === state.online) return;
  state = next;
  listeners.forEach((l) => l());
}

export const markUnreachable = () => set({ online: false, lostAt: Date.now() });
export const markReachable = () => set({ online: true, lostAt: null });
export const connectionState = () => state;

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What a call that never got an answer says: it may or may not have arrived, and the form keeps its input. */
export const unreachableMessage =
  '连接不上服务器（门店主机），这次操作可能没有保存。已填写的内容仍保留，恢复连接后请核对并再试一次';
