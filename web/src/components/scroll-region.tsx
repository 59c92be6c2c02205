import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table that scrolls sideways inside itself on a narrow screen, so the page never does
 * (WCAG 1.4.10); focusable and named, so a keyboard user can scroll it too.
 */
export function ScrollRegion({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="scroll-region" role="region" aria-label={t('table.region')} tabIndex={0}>
      {children}
    </div>
  );
}
