/** A stored row exactly as `select *` returns it, so a revert can put every column back. */
export type StoredRow = Record<string, unknown> & { id: number; version: number };

/**
 * What `import_batches.undo` holds: ids of every row the import created, and the full previous row of every row
 * it updated (each updated row was written exactly once, so its version afterwards is the stored version + 1).
 */
export interface ImportUndo {
  created: {
    customers: number[];
    vehicles: number[];
    vehicleOwnerships: number[];
    /** Call-back tasks the rules generated for the imported data. */
    callbackTasks: number[];
  };
  updated: {
    customers: StoredRow[];
    vehicles: StoredRow[];
    /** Tasks of existing customers the rules moved or cancelled, with the version they were left at. */
    callbackTasks: { row: StoredRow; versionAfter: number }[];
  };
}

export function emptyUndo(): ImportUndo {
  return {
    created: { customers: [], vehicles: [], vehicleOwnerships: [], callbackTasks: [] },
    updated: { customers: [], vehicles: [], callbackTasks: [] },
  };
}
