import { Tabs } from 'antd';
import { Permission } from '../../../src/common/access/permission.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { CannedRepliesTab } from './canned-replies/canned-replies-tab.tsx';
import { LiveMonitor } from './monitor/live-monitor.tsx';

/**
 * The supervisor's monitor: the live board (conversations and agents) and the canned replies agents insert. Tabs show
 * by permission; only the open one is mounted, so the board stops polling while the supervisor edits replies.
 */
export default function MonitorScreen() {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const holds = (permission: Permission) => staff.permissions.includes(permission);
  const tabs = [
    ...(holds(Permission.ConversationsSupervise)
      ? [{ key: 'live', label: t('monitor.tab.live'), children: <LiveMonitor /> }]
      : []),
    ...(holds(Permission.CannedRepliesManage)
      ? [{ key: 'canned-replies', label: t('cannedAdmin.tab'), children: <CannedRepliesTab /> }]
      : []),
  ];
  return <Tabs items={tabs} destroyOnHidden />;
}
