export const usersKey = ['users', 'list'] as const;
export const departmentsKey = ['users', 'departments'] as const;
export const lockoutsKey = ['users', 'lockouts'] as const;
export const userSessionsKey = (userId: number) => ['users', 'sessions', userId] as const;
