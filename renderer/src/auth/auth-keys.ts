export const authStatusKey = ['auth', 'status'] as const;
