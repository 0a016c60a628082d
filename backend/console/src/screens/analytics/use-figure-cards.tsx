import type { ReactNode } from 'react';
import type { AnalyticsReport } from '../../api/analytics-types.ts';
import { fillIn } from '../../i18n/fill-in.ts';
import { useLanguage } from '../../i18n/language-context.tsx';
import { FigureCard } from './figure-card.tsx';
import { count, duration, percent } from './figure-format.ts';

export type FigureName =
  | 'conversations'
  | 'botResolution'
  | 'handoff'
  | 'unanswered'
  | 'csat'
  | 'csatAverage'
  | 'firstResponse'
  | 'response'
  | 'handle'
  | 'queueWait'
  | 'maxQueueWait'
  | 'occupancy';

/** Every figure card of the report, by name; each dashboard shows the ones it needs, in its own order. */
export function useFigureCards(report: AnalyticsReport): (names: readonly FigureName[]) => ReactNode[] {
  const { t, language } = useLanguage();
  const { conversations: c, csat, service, agents } = report;
  const of = (part: number, whole: number) =>
    fillIn(t('analytics.of'), { part: count(part, language), whole: count(whole, language) });
  const cards: Record<FigureName, { id: string; title: string; value: string; detail?: string }> = {
    conversations: { id: 'conversations', title: t('analytics.conversations'), value: count(c.total, language) },
    botResolution: {
      id: 'bot-resolution',
      title: t('analytics.botResolutionRate'),
      value: percent(c.botResolutionRate),
      detail: of(c.botResolved, c.engaged),
    },
    handoff: {
      id: 'handoff',
      title: t('analytics.handoffRate'),
      value: percent(c.handoffRate),
      detail: of(c.handedOff, c.engaged),
    },
    unanswered: {
      id: 'unanswered',
      title: t('analytics.unansweredRate'),
      value: percent(c.unansweredRate),
      detail: of(c.unanswered, c.botTurns),
    },
    csat: {
      id: 'csat',
      title: t('analytics.csat'),
      value: percent(csat.satisfiedRate),
      detail: fillIn(t('analytics.ratingCount'), { count: count(csat.ratings, language) }),
    },
    csatAverage: {
      id: 'csat-average',
      title: t('analytics.csatAverage'),
      value: csat.average === null ? '—' : csat.average.toFixed(2),
    },
    firstResponse: {
      id: 'first-response',
      title: t('analytics.firstResponse'),
      value: duration(service.firstResponseSeconds),
    },
    response: { id: 'response', title: t('analytics.response'), value: duration(service.responseSeconds) },
    handle: { id: 'handle', title: t('analytics.handle'), value: duration(service.handleSeconds) },
    queueWait: { id: 'queue-wait', title: t('analytics.queueWait'), value: duration(service.queueWaitSeconds) },
    maxQueueWait: {
      id: 'max-queue-wait',
      title: t('analytics.maxQueueWait'),
      value: duration(service.maxQueueWaitSeconds),
    },
    occupancy: { id: 'occupancy', title: t('analytics.occupancy'), value: percent(agents.occupancy) },
  };
  return (names) => names.map((name) => <FigureCard key={name} {...cards[name]} />);
}
