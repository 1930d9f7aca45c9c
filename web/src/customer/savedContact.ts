/**
 * The customer's open contact, kept in sessionStorage so a reload of the
 * page keeps following it. The token is the only credential a customer
 * has; it never leaves this tab's storage.
 */
export interface SavedContact {
  contactId: string;
  token: string;
  hasPhone: boolean;
}

const key = 'switchboard.contact';

export function loadSavedContact(): SavedContact | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SavedContact>;
    if (typeof parsed.contactId === 'string' && typeof parsed.token === 'string') {
      return {
        contactId: parsed.contactId,
        token: parsed.token,
        hasPhone: parsed.hasPhone === true,
      };
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}

export function saveContact(contact: SavedContact | null): void {
  if (contact) sessionStorage.setItem(key, JSON.stringify(contact));
  else sessionStorage.removeItem(key);
}
