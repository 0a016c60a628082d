import type { RankedItem } from '../../api/analytics-types.ts';

/** A top list as horizontal bars, the largest on top; an item shows by its question when the release still has it. */
export function rankedBars(items: readonly RankedItem[], name: string) {
  const shown = [...items].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((item) => item.question ?? item.id),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [{ type: 'bar', name, data: shown.map((item) => item.count) }],
  };
}
