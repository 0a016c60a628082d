import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useLanguage } from '../i18n/language-context.tsx';

/** Shown to anyone not signed in (and after sign-out): the way to the identity provider's sign-in page. */
export function SignInScreen({ failed, onSignIn }: { failed: boolean; onSignIn(): void }) {
  const { t, language, setLanguage } = useLanguage();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Card style={{ width: 360 }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={3}>{t('app.title')}</Typography.Title>
          {failed && <Alert type="error" showIcon message={t('signIn.failed')} />}
          <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
          <Button type="primary" block size="large" onClick={onSignIn}>
            {t('signIn.button')}
          </Button>
          <Button type="link" onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
            {t('shell.otherLanguage')}
          </Button>
        </Space>
      </Card>
    </Flex>
  );
}
