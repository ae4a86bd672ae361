export const usersKey = ['users', 'list'] as const;
export const departmentsKey = ['users', 'departments'] as const;
