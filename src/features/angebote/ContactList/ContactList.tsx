import { ContactLinks } from '../../../components/ContactLinks/ContactLinks';
import { GERMAN_CONTENT } from '../../../components/germanContent';
import { label, t } from '../../../i18n';
import type { Contact } from '../../../model';
import './ContactList.css';

export function ContactList({ contacts }: { contacts: Contact[] }) {
  return (
    <ul class="contact-list">
      {contacts.map((c) => (
        <li key={c.id} class="contact-list__item card">
          <h3 class="contact-list__name" {...GERMAN_CONTENT}>
            {c.name}
          </h3>
          {c.title && <p class="contact-list__title muted">{c.title}</p>}
          <ContactLinks phone={c.phone} email={c.email} />
          {c.languages.length > 0 && (
            <p>
              <span class="muted">{t('detail.languages')}:</span>{' '}
              {c.languages.map((l) => label('language', l)).join(', ')}
            </p>
          )}
          {c.availability && <p class="pre-line">{c.availability}</p>}
        </li>
      ))}
    </ul>
  );
}
