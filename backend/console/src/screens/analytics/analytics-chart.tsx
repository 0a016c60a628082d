import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only the parts of ECharts the dashboards use, in a chunk loaded with the analytics section.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * One dashboard chart. `data-rendered` turns true once ECharts has drawn the option, which is what the browser test
 * and `bench:analytics` wait for.
 */
export default function AnalyticsChart({
  option,
  testId,
  height = 300,
}: {
  option: echarts.EChartsCoreOption;
  testId: string;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current);
    setRendered(false);
    chart.on('finished', () => setRendered(true));
    // No entry animation: figures are read, not watched, and the final picture is there a second sooner.
    chart.setOption({ animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <div
      ref={container}
      data-testid={testId}
      data-rendered={rendered}
      role="img"
      aria-label={testId}
      style={{ height }}
    />
  );
}
