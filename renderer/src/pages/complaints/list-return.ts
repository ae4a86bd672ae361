/**
 * The complaint list as last seen in this tab (its filters and sort are its URL), so a ticket's back link
 * returns to the same list instead of the default one.
 */
const searchKey = 'dealer-crm.complaint-list.search';

export function rememberComplaintListSearch(search: string): void {
  try {
    sessionStorage.setItem(searchKey, search);
  } catch {
    // Not remembering only means the back link shows the default list.
  }
}

export function complaintListPath(): string {
  try {
    return `/complaints${sessionStorage.getItem(searchKey) ?? ''}`;
  } catch {
    return '/complaints';
  }
}
