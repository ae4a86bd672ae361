/** Query keys of the member programme; everything under `loyalty`, which the live topic refreshes too. */
export const loyaltyKeys = {
  all: ['loyalty'] as const,
  member: (customerId: number) => ['loyalty', 'member', customerId] as const,
  ledger: (customerId: number, cursor: number | null) => ['loyalty', 'ledger', customerId, cursor] as const,
  vouchers: (customerId: number) => ['loyalty', 'vouchers', customerId] as const,
  voucher: (redemptionId: number) => ['loyalty', 'voucher', redemptionId] as const,
  referrals: (customerId: number) => ['loyalty', 'referrals', customerId] as const,
  rewards: (includeInactive: boolean) => ['loyalty', 'rewards', includeInactive] as const,
  adjustments: (state: string) => ['loyalty', 'adjustments', state] as const,
  settings: ['loyalty', 'settings'] as const,
};

/** Points as staff read them: 1,234 分; a change carries its sign. */
const numberFormat = new Intl.NumberFormat('zh-CN');
export const formatPoints = (n: number): string => numberFormat.format(n);
export const formatPointsChange = (n: number): string => (n > 0 ? `+${formatPoints(n)}` : formatPoints(n));
