import { Tabs } from 'antd';
import { Permission } from '../../../src/common/access/permission.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { MyScores } from './quality/my-scores.tsx';
import { QualityReports } from './quality/quality-reports.tsx';
import { QualitySettings } from './quality/quality-settings.tsx';
import { ReviewList } from './quality/review-list.tsx';

/**
 * Quality inspection (质检): each tab shows to whoever holds its permission — agents their own scores and appeals,
 * reviewers the queue, the appeals to decide and the reports, supervisors the rules and scorecards.
 */
export default function QualityScreen() {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const holds = (permission: Permission) => staff.permissions.includes(permission);
  const tabs = [
    { key: 'mine', permission: Permission.ConversationsHandle, label: t('quality.tab.mine'), children: <MyScores /> },
    {
      key: 'queue',
      permission: Permission.QualityReview,
      label: t('quality.tab.queue'),
      children: <ReviewList step="review" />,
    },
    {
      key: 'appeals',
      permission: Permission.QualityReview,
      label: t('quality.tab.appeals'),
      children: <ReviewList step="decide" />,
    },
    {
      key: 'reports',
      permission: Permission.QualityReview,
      label: t('quality.tab.reports'),
      children: <QualityReports />,
    },
    {
      key: 'settings',
      permission: Permission.QualityConfigure,
      label: t('quality.tab.settings'),
      children: <QualitySettings />,
    },
  ]
    .filter((tab) => holds(tab.permission))
    .map(({ permission, ...tab }) => tab);
  // Reviewers land on the queue, agents on their own scores.
  const first = tabs.find((tab) => tab.key === 'queue') ?? tabs[0];
  return <Tabs defaultActiveKey={first?.key} items={tabs} destroyOnHidden />;
}
