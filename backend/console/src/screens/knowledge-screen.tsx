import { Card, Tabs } from 'antd';
import { Permission } from '../../../src/common/access/permission.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { useStaff } from '../shell/staff-context.tsx';
import { DraftsTab } from './knowledge/drafts-tab.tsx';
import { ImportTab } from './knowledge/import-tab.tsx';
import { PublishedItems } from './knowledge/published-items.tsx';
import { ReleasesTab } from './knowledge/releases-tab.tsx';
import { SuggestionsTab } from './knowledge/suggestions-tab.tsx';

/**
 * The knowledge base for editors and approvers (maker-checker): what is published, drafts and their review, bulk
 * import, releases with diff and rollback, and the questions the bot could not answer. Tabs show by permission.
 */
export default function KnowledgeScreen() {
  const { t } = useLanguage();
  const { staff } = useStaff();
  const holds = (permission: Permission) => staff.permissions.includes(permission);
  const tabs = [
    { key: 'published', label: t('knowledge.tab.published'), children: <PublishedItems /> },
    { key: 'drafts', label: t('knowledge.tab.drafts'), children: <DraftsTab /> },
    ...(holds(Permission.KnowledgeEdit)
      ? [{ key: 'import', label: t('knowledge.tab.import'), children: <ImportTab /> }]
      : []),
    { key: 'releases', label: t('knowledge.tab.releases'), children: <ReleasesTab /> },
    ...(holds(Permission.BotUnansweredRead)
      ? [{ key: 'suggestions', label: t('knowledge.tab.suggestions'), children: <SuggestionsTab /> }]
      : []),
  ];
  return (
    <Card title={t('nav.knowledge')}>
      <Tabs items={tabs} destroyInactiveTabPane />
    </Card>
  );
}
