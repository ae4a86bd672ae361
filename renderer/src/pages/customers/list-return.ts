/**
 * Where the customer list was, so the way back to it (the card's "← 客户列表", the browser's Back) finds the same
 * filters, sort and scroll position. The filters and sort are the list's URL; this tab remembers the last one,
 * and the scroll position per URL.
 */
const searchKey = 'dealer-crm.customer-list.search';
const scrollKey = (search: string) => `dealer-crm.customer-list.scroll:${search}`;

/** Set by links back to the list, so the list restores its scroll position as Back does. */
export interface ListReturnState {
  restoreScroll: true;
}

export function rememberListSearch(search: string): void {
  sessionStorage.setItem(searchKey, search);
}

/** The customer list as last seen in this tab (its filters and sort), or the plain list. */
export function customerListPath(): string {
  return `/customers${sessionStorage.getItem(searchKey) ?? ''}`;
}

export function rememberListScroll(search: string, top: number): void {
  sessionStorage.setItem(scrollKey(search), String(Math.round(top)));
}

export function rememberedListScroll(search: string): number {
  const top = Number(sessionStorage.getItem(scrollKey(search)));
  return Number.isFinite(top) && top > 0 ? top : 0;
}

export function isListReturn(state: unknown): state is ListReturnState {
  return typeof state === 'object' && state !== null && (state as ListReturnState).restoreScroll === true;
}
