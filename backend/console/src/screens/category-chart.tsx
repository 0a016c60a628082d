import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { KnowledgeItem } from '../api/kefu-api.ts';

// Only the parts of ECharts this chart uses, so its lazily loaded chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** How many published items each top-level category holds. */
export default function CategoryChart({ items }: { items: readonly KnowledgeItem[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const counts = new Map<string, number>();
    for (const item of items) {
      const top = item.content.category.split('/')[0] || '—';
      counts.set(top, (counts.get(top) ?? 0) + 1);
    }
    const chart = echarts.init(container.current);
    chart.setOption({
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [...counts.keys()] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: [...counts.values()] }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [items]);
  return <div ref={container} data-testid="category-chart" style={{ height: 280 }} />;
}
