import { useTranslation } from 'react-i18next';
import { NCALAYER_STORAGES, type NcaLayerStorage } from '../api/signature.js';

/** Where NCALayer finds the person's key — or, in a demonstration, the notice that the demo key stands in for it. */
export function KeyStorePicker({
  demo,
  storage,
  onChange,
  id = 'storage',
}: {
  demo: boolean;
  storage: NcaLayerStorage;
  onChange: (storage: NcaLayerStorage) => void;
  id?: string;
}) {
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
      <label htmlFor={id}>{t('sign.storage')}</label>
      <select id={id} value={storage} onChange={(e) => onChange(e.target.value as NcaLayerStorage)}>
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
