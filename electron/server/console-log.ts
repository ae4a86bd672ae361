/** The server's log line: a message, and the error's details only when there is one. */
export function consoleLog(message: string, error?: unknown): void {
  if (error === undefined) console.log(`[dealer-crm] ${message}`);
  else console.error(`[dealer-crm] ${message}`, error);
}
