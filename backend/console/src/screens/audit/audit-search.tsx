import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEvent, AuditFilters } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import { AuditEventDrawer } from './audit-event-drawer.tsx';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import type { SeqRange } from './export-range.tsx';
import { OutcomeTag } from './outcome-tag.tsx';

interface Results {
  filters: AuditFilters;
  events: AuditEvent[];
  nextAfterSeq: number | null;
}

/** The search: filters, a page of events at a time (by sequence, "load more"), and one event's detail in a drawer. */
export function AuditSearch({ onExportRange }: { onExportRange(range: SeqRange): void }) {
  const { t, language } = useLanguage();
  const { api } = useStaff();
  const [results, setResults] = useState<Results>();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<AuditEvent>();

  const load = useCallback(
    async (filters: AuditFilters, before: AuditEvent[] = [], afterSeq?: number) => {
      setLoading(true);
      try {
        const page = await api.auditEvents(filters, afterSeq);
        setResults({ filters, events: [...before, ...page.items], nextAfterSeq: page.nextAfterSeq });
        setFailed(false);
      } catch {
        setFailed(true);
      } finally {
        setLoading(false);
      }
    },
    [api],
  );
  useEffect(() => void load({}), [load]);

  return (
    <Card title={t('audit.search')}>
      <AuditFiltersForm onSearch={(filters) => void load(filters)} />
      {failed && <Alert type="error" showIcon message={t('shell.loadFailed')} style={{ marginBottom: 16 }} />}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={results?.events ?? []}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        onRow={(event) => ({ onClick: () => setOpen(event), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
          {
            title: t('audit.time'),
            dataIndex: 'occurredAt',
            render: (at: string) => new Date(at).toLocaleString(language),
          },
          { title: t('audit.actor'), render: (_, event) => `${event.actorId} (${event.actorRoles.join(', ')})` },
          { title: t('audit.action'), dataIndex: 'action' },
          {
            title: t('audit.target'),
            render: (_, event) => (event.targetType ? `${event.targetType}: ${event.targetId ?? ''}` : ''),
          },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            render: (outcome: string) => <OutcomeTag outcome={outcome} />,
          },
          {
            title: '',
            render: (_, event) => <Typography.Link onClick={() => setOpen(event)}>{t('audit.open')}</Typography.Link>,
          },
        ]}
      />
      {results?.nextAfterSeq != null && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button
            loading={loading}
            onClick={() => void load(results.filters, results.events, results.nextAfterSeq ?? undefined)}
          >
            {t('audit.more')}
          </Button>
        </Flex>
      )}
      <AuditEventDrawer
        event={open}
        onClose={() => setOpen(undefined)}
        onExport={(event) => {
          onExportRange({ fromSeq: event.seq, toSeq: event.seq });
          setOpen(undefined);
        }}
      />
    </Card>
  );
}
