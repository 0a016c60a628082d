import { Space, Tag } from 'antd';

/** How often each rule failed, most often first. */
export function FailureTags({ failures }: { failures: Record<string, number> }) {
  return (
    <Space size={4} wrap>
      {Object.entries(failures)
        .sort(([, a], [, b]) => b - a)
        .map(([ruleId, count]) => (
          <Tag key={ruleId} color="red">
            {ruleId} × {count}
          </Tag>
        ))}
    </Space>
  );
}
