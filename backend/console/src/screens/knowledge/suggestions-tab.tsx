import { Button, message, Segmented, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Permission } from '../../../../src/common/access/permission.ts';
import type { KnowledgeLanguage, UnansweredSuggestion } from '../../api/knowledge-types.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { ApiErrorAlert } from '../api-error-alert.tsx';
import { DraftFormDrawer, type DraftTarget } from './draft-form-drawer.tsx';

/** 知识库自学习: groups of questions the bot could not answer, each one click away from a draft that answers it. */
export function SuggestionsTab() {
  const { t } = useLanguage();
  const { api, staff } = useStaff();
  const [language, setLanguage] = useState<KnowledgeLanguage>('zh');
  const [suggestions, setSuggestions] = useState<UnansweredSuggestion[]>();
  const [error, setError] = useState<unknown>();
  const [drafting, setDrafting] = useState<DraftTarget>();
  const canEdit = staff.permissions.includes(Permission.KnowledgeEdit);

  useEffect(() => {
    setSuggestions(undefined);
    api.unansweredSuggestions(language).then(setSuggestions, setError);
  }, [api, language]);

  const draftFrom = (suggestion: UnansweredSuggestion) =>
    setDrafting({
      start: {
        question: suggestion.representative,
        similar: suggestion.examples.filter((example) => example !== suggestion.representative),
      },
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented<KnowledgeLanguage> value={language} onChange={setLanguage} options={['zh', 'en']} />
      <ApiErrorAlert error={error} />
      <Table<UnansweredSuggestion>
        rowKey="representative"
        size="small"
        loading={!suggestions && !error}
        dataSource={suggestions ?? []}
        locale={{ emptyText: t('suggestion.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('suggestion.representative'), dataIndex: 'representative' },
          { title: t('suggestion.count'), dataIndex: 'count', width: 80 },
          { title: t('suggestion.examples'), render: (_, suggestion) => suggestion.examples.join(' / ') },
          {
            title: t('suggestion.nearest'),
            render: (_, suggestion) =>
              suggestion.nearestItem &&
              `${suggestion.nearestItem.question ?? suggestion.nearestItem.id} (${suggestion.nearestItem.confidence.toFixed(2)})`,
          },
          {
            title: '',
            render: (_, suggestion) =>
              canEdit && (
                <Button size="small" onClick={() => draftFrom(suggestion)}>
                  {t('suggestion.createDraft')}
                </Button>
              ),
          },
        ]}
      />
      <DraftFormDrawer
        target={drafting}
        onClose={() => setDrafting(undefined)}
        onSaved={() => {
          setDrafting(undefined);
          void message.success(t('draft.saved'));
        }}
      />
    </Space>
  );
}
