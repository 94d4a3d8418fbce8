// The chart of median and p90 time per step (uPlot bars, loaded with this page only), or a sentence when no step was
// timed in the period; the table beside it has the same figures.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StepInsight } from '../../../core/insights.ts';

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

export function StepChart({ steps }: { steps: StepInsight[] }) {
  const { t } = useTranslation('insights');
  const timed = steps.some((step) => step.medianMs !== null);
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element || !timed) return;
    const bars = uPlot.paths.bars?.({ size: [0.35, 40], align: 0 });
    const offset = uPlot.paths.bars?.({ size: [0.35, 40], align: 1 });
    const width = () => Math.max(280, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 260,
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [{ label: t('chart.step'), values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? String(tick) : '')) }, { label: t('chart.seconds') }],
        series: [
          { label: t('chart.step') },
          { label: t('table.median'), stroke: '#1d4ed8', fill: 'rgba(29, 78, 216, 0.55)', ...(bars ? { paths: bars } : {}), points: { show: false } },
          { label: t('table.p90'), stroke: '#b45309', fill: 'rgba(180, 83, 9, 0.45)', ...(offset ? { paths: offset } : {}), points: { show: false } },
        ],
        legend: { show: false },
      },
      [steps.map((step) => step.position), steps.map((step) => seconds(step.medianMs)), steps.map((step) => seconds(step.p90Ms))],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [steps, t, timed]);

  if (!timed) return <p className="insights-chart-empty">{t('chart.empty')}</p>;
  return (
    <figure className="insights-chart">
      <div ref={holder} data-testid="insights-chart" role="img" aria-label={t('chart.label')} />
      <figcaption>{t('chart.caption')}</figcaption>
    </figure>
  );
}
