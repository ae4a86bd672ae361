/** Query key of 设置 → 门店主机: the panel and the switch share one copy of host.info. */
export const hostInfoKey = ['host', 'info'] as const;
