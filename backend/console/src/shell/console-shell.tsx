import { Button, Flex, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Permission } from '../../../src/common/access/permission.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { PresenceHeartbeat } from './presence-heartbeat.tsx';
import { sections, sectionsFor } from './sections.tsx';
import { useStaff } from './staff-context.tsx';

/**
 * The frame around every screen: navigation by the person's permissions, who they are, language, sign-out, and for
 * agents the heartbeat that keeps their presence while the console is open on any screen.
 */
export function ConsoleShell() {
  const { staff, signOut } = useStaff();
  const { t, language, setLanguage } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const allowed = sectionsFor(staff.permissions);
  const current = allowed.find((section) => location.pathname.startsWith(section.path));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {staff.permissions.includes(Permission.ConversationsHandle) && <PresenceHeartbeat />}
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light">
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          Kefu
        </Typography.Title>
        <nav aria-label={t('app.title')}>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            items={allowed.map((section) => ({ key: section.key, icon: section.icon, label: t(section.title) }))}
            onClick={({ key }) => navigate(allowed.find((section) => section.key === key)?.path ?? '/')}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: 'transparent', paddingInline: 24 }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text strong>{t('app.title')}</Typography.Text>
            <Space>
              <Typography.Text data-testid="staff-username">{staff.username}</Typography.Text>
              {staff.roles.map((role) => (
                <Tag key={role}>{t(`role.${role}`)}</Tag>
              ))}
              <Button onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
                {t('shell.otherLanguage')}
              </Button>
              <Button onClick={signOut}>{t('shell.signOut')}</Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin aria-label={t('shell.loading')} />}>
            <Routes>
              <Route
                index
                element={
                  allowed[0] ? <Navigate to={allowed[0].path} replace /> : <Result title={t('shell.noSections')} />
                }
              />
              {sections.map((section) => (
                <Route
                  key={section.key}
                  path={`${section.path}/*`}
                  element={
                    allowed.includes(section) ? (
                      <section.screen />
                    ) : (
                      <Result status="403" title="403" subTitle={t('shell.forbidden')} />
                    )
                  }
                />
              ))}
              <Route path="*" element={<Result status="404" title="404" subTitle={t('shell.notFound')} />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
