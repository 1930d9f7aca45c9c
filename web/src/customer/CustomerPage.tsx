/** The customer's page: ask for a contact, then follow it live. */
import { useState } from 'react';
import { customerApi } from '../api/api';
import type { NewContactRequest } from '../api/types';
import { ContactForm } from './ContactForm';
import { ContactStatusPanel } from './ContactStatusPanel';
import { loadSavedContact, saveContact, type SavedContact } from './savedContact';

export function CustomerPage() {
  const [saved, setSaved] = useState<SavedContact | null>(loadSavedContact);

  async function create(request: NewContactRequest) {
    const created = await customerApi.create(request);
    const next = {
      contactId: created.contactId,
      token: created.token,
      hasPhone: Boolean(request.customer.phone),
    };
    saveContact(next);
    setSaved(next);
  }

  function startOver() {
    saveContact(null);
    setSaved(null);
  }

  return (
    <div className="customer-page">
      <header className="brand-bar">
        <span className="brand" aria-hidden="true">
          ☎
        </span>
        <span>Switchboard support</span>
      </header>
      <main className="narrow">
        {saved ? (
          <ContactStatusPanel key={saved.contactId} saved={saved} onStartOver={startOver} />
        ) : (
          <ContactForm onSubmit={create} />
        )}
      </main>
    </div>
  );
}
