import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of ECharts this chart uses, so its lazily loaded chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  value: number;
}

/** Mean quality totals (0–100) as bars, one per agent or team. */
export default function ReportChart({ bars, testId }: { bars: readonly Bar[]; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current);
    chart.setOption({
      // Figures to read, not to watch grow: the final bars at once (and in screenshots).
      animation: false,
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: bars.map((bar) => bar.label) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'bar', barMaxWidth: 48, data: bars.map((bar) => bar.value) }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars]);
  return <div ref={container} data-testid={testId} style={{ height: 260 }} />;
}
