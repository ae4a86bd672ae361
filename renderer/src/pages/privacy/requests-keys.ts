/** React Query keys of the request desk; every mutation invalidates the root so list and detail agree. */
export const subjectRequestsKey = ['subjectRequests'] as const;
export const requestListKey = (filter: unknown) => [...subjectRequestsKey, 'list', filter] as const;
export const requestKey = (id: number) => [...subjectRequestsKey, 'detail', id] as const;
export const requestStaffKey = [...subjectRequestsKey, 'staff'] as const;
