import { Alert } from 'antd';
import { ApiError } from '../api/kefu-api.ts';
import { useLanguage } from '../i18n/language-context.tsx';

/**
 * What went wrong, in the API's own words (which name the field and rule). A maker-checker refusal gets its own
 * headline: the person needs to know it is the four-eyes rule, not a fault, and that someone else must approve.
 */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useLanguage();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.code === 'self_approval') {
    return (
      <Alert
        data-testid="self-approval"
        type="warning"
        showIcon
        message={t('selfApproval.title')}
        description={message}
      />
    );
  }
  return <Alert data-testid="api-error" type="error" showIcon message={t('action.failed')} description={message} />;
}
