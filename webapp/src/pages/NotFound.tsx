import { useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 id="page-title">{t('error.notFound.title')}</h1>
      <p>{t('error.notFound.detail')}</p>
    </section>
  );
}
