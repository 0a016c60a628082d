import { Alert, Typography } from 'antd';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { fillCannedVariables, knownCannedValues } from '../workspace/canned-variables.ts';

/**
 * The body as an agent would insert it: filled in exactly as the workspace fills it (here with the supervisor's own
 * name), and the variables the agent must complete by hand named, so a misspelt one shows before agents meet it.
 */
export function CannedReplyPreview({ body }: { body: string }) {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const { text, unfilled } = fillCannedVariables(body, knownCannedValues(staff.username, new Date()));
  return (
    <Alert
      data-testid="canned-reply-preview"
      type="info"
      message={t('cannedAdmin.preview')}
      description={
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text || '—'}</Typography.Paragraph>
          {unfilled.length > 0 && (
            <Typography.Text type="warning">
              {fillIn(t('cannedAdmin.previewUnfilled'), { names: unfilled.join(' ') })}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
