import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';

/** A value shown in full (monospace, wrapping) with a copy button. */
export function CopyValue({ value, id }: { value: string; id?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // clipboard refused (permissions): the value stays selectable
    }
  };
  return (
    <span class="copy-value">
      <code class="mono" id={id}>
        {value}
      </code>{' '}
      <button type="button" class="link-button" onClick={copy}>
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </span>
  );
}
