import { DatePicker, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { RoutingGroup } from '../../api/kefu-api.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { useStaff } from '../../shell/staff-context.tsx';
import type { DashboardFilter } from './analytics-range.ts';

/** Range of start days, channel and skill group; every change reloads the dashboards. */
export function AnalyticsFilters({
  filter,
  onChange,
}: {
  filter: DashboardFilter;
  onChange(filter: DashboardFilter): void;
}) {
  const { t } = useLanguage();
  const { api } = useStaff();
  const [groups, setGroups] = useState<RoutingGroup[]>([]);
  useEffect(() => {
    api.routingGroups().then(setGroups, () => setGroups([]));
  }, [api]);
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label={t('analytics.range')}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[filter.firstDay, filter.lastDay]}
          onChange={(days) => {
            if (days?.[0] && days[1]) onChange({ ...filter, firstDay: days[0], lastDay: days[1] });
          }}
        />
      </Form.Item>
      <Form.Item label={t('analytics.channel')} htmlFor="analytics-channel">
        <Select<'' | 'web' | 'api'>
          id="analytics-channel"
          style={{ width: 140 }}
          value={filter.channel ?? ''}
          onChange={(channel) => onChange({ ...filter, channel: channel || undefined })}
          options={[
            { value: '', label: t('analytics.allChannels') },
            { value: 'web', label: t('analytics.channel.web') },
            { value: 'api', label: t('analytics.channel.api') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('analytics.group')} htmlFor="analytics-group">
        <Select
          id="analytics-group"
          style={{ width: 180 }}
          value={filter.groupId ?? ''}
          onChange={(groupId) => onChange({ ...filter, groupId: groupId || undefined })}
          options={[
            { value: '', label: t('analytics.allGroups') },
            ...groups.map((group) => ({ value: group.id, label: group.name })),
          ]}
        />
      </Form.Item>
    </Form>
  );
}
