import { useStore } from '../../db/useStore';
import { t } from '../../i18n';
import { installApp, installOffer } from '../install';
import './InstallButton.css';

/** "App installieren" — only where the browser offers it, and gone once installed. */
export function InstallButton() {
  const offer = useStore(installOffer);
  if (!offer) return null;
  return (
    <div class="install-button">
      <button type="button" class="btn" onClick={() => void installApp()}>
        {t('install.button')}
      </button>
      <p class="muted">{t('install.hint')}</p>
    </div>
  );
}
