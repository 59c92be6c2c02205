import { useTranslation } from 'react-i18next';
import { NCALAYER_STORAGES, type NcaLayerStorage } from '../api/signature.js';

/** Where NCALayer finds the person's key — or, in a demonstration, the notice that the demo key stands in for it. */
export function KeyStorePicker({ demo, storage, onChange }: { demo: boolean; storage: NcaLayerStorage; onChange: (storage: NcaLayerStorage) => void }) {
  const { t } = useTranslation();
  if (demo) {
    return (
      <p className="notice" data-testid="demo-key-notice">
        {t('sign.demoNotice')}
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor="storage">{t('sign.storage')}</label>
      <select id="storage" value={storage} onChange={(e) => onChange(e.target.value as NcaLayerStorage)}>
        {NCALAYER_STORAGES.map((s) => (
          <option key={s} value={s}>
            {t(`sign.storage.${s}`)}
          </option>
        ))}
      </select>
      <p className="hint">{t('sign.ncalayerHint')}</p>
    </div>
  );
}
