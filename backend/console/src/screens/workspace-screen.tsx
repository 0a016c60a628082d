import { Alert, Col, Empty, Flex, Row } from 'antd';
import { useMatch, useNavigate } from 'react-router';
import { Permission } from '../../../src/common/access/permission.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { ConversationView } from './workspace/conversation-view.tsx';
import { MyConversations } from './workspace/my-conversations.tsx';
import { useMyRouting } from './workspace/use-my-routing.ts';
import { WaitingQueue } from './workspace/waiting-queue.tsx';

/**
 * The agent's workspace: presence and load, the conversations routing assigned to them (and, for supervisors, the
 * queue), and the open conversation at /workspace/<id>, so a reload or a shared link opens the same one.
 */
export default function WorkspaceScreen() {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const navigate = useNavigate();
  const openId = useMatch('/workspace/:conversationId')?.params.conversationId;
  const { routing, failed, refresh } = useMyRouting();
  const entry = routing?.assigned.find((assigned) => assigned.conversationId === openId);

  if (failed && !routing) return <Alert type="error" showIcon message={t('shell.loadFailed')} />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Flex vertical gap={16}>
          <MyConversations
            routing={routing}
            openId={openId}
            onOpen={(id) => navigate(`/workspace/${id}`)}
            onPresenceChanged={() => void refresh()}
          />
          {staff.permissions.includes(Permission.ConversationsSupervise) && <WaitingQueue />}
        </Flex>
      </Col>
      <Col xs={24} lg={17}>
        {openId ? (
          <ConversationView
            key={openId}
            conversationId={openId}
            entry={entry}
            onLeft={() => {
              navigate('/workspace');
              void refresh();
            }}
          />
        ) : (
          <Empty description={t('workspace.select')} style={{ marginTop: 48 }} />
        )}
      </Col>
    </Row>
  );
}
