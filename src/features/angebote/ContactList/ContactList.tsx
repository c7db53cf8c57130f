import { ContactLinks } from '../../../components/ContactLinks/ContactLinks';
import { contentAttrs, shown } from '../../../components/Content/Content';
import { label, t } from '../../../i18n';
import type { Contact } from '../../../model';
import './ContactList.css';

export function ContactList({ contacts }: { contacts: Contact[] }) {
  return (
    <ul class="contact-list">
      {contacts.map((c) => {
        const title = shown(c, 'title');
        const availability = shown(c, 'availability');
        return (
          <li key={c.id} class="contact-list__item card">
            <h3 class="contact-list__name" lang="de" dir="auto">
              {c.name}
            </h3>
            {title.text && (
              <p class="contact-list__title muted" {...contentAttrs(title)}>
                {title.text}
              </p>
            )}
            <ContactLinks phone={c.phone} email={c.email} />
            {c.languages.length > 0 && (
              <p>
                <span class="muted">{t('detail.languages')}:</span>{' '}
                {c.languages.map((l) => label('language', l)).join(', ')}
              </p>
            )}
            {availability.text && (
              <p class="pre-line" {...contentAttrs(availability)}>
                {availability.text}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
