import type { AnalyticsReport } from './analytics-report.ts';

/**
 * The report as one long table — figure, key, value — so CSV and Excel hold the same rows and a spreadsheet can
 * filter or pivot them. Names are the API's field names; docs/analytics.md defines each figure.
 */
export function reportTable(report: AnalyticsReport): string[][] {
  const { filter, conversations, faq, csat, service, agents, volume } = report;
  const rows: ReadonlyArray<readonly [string, string, number | string | null | undefined]> = [
    ['filter.from', '', filter.from.toISOString()],
    ['filter.to', '', filter.to.toISOString()],
    ['filter.channel', '', filter.channel ?? 'all'],
    ['filter.groupId', '', filter.groupId ?? 'all'],
    ['filter.timeZone', '', filter.timeZone],
    ...Object.entries(conversations).map(([name, value]) => [`conversations.${name}`, '', value] as const),
    ...faq.hits.map((hit) => ['faq.hits', hit.id, hit.count] as const),
    ...faq.misses.map((miss) => ['faq.misses', miss.id, miss.count] as const),
    ['csat.ratings', '', csat.ratings],
    ['csat.average', '', csat.average],
    ['csat.satisfiedRate', '', csat.satisfiedRate],
    ...csat.distribution.map((count, index) => ['csat.distribution', String(index + 1), count] as const),
    ...Object.entries(service).map(([name, value]) => [`service.${name}`, '', value] as const),
    ['agents.occupancy', '', agents.occupancy],
    ...agents.agents.flatMap((agent) =>
      (['conversations', 'servedSeconds', 'availableSeconds', 'seatSeconds', 'occupancy'] as const).map(
        (name) => [`agents.${name}`, agent.agentId, agent[name]] as const,
      ),
    ),
    ...volume.hourly.flatMap((hour) => [
      ['volume.hourlyConversations', String(hour.hour).padStart(2, '0'), hour.conversations] as const,
      ['volume.hourlyMessages', String(hour.hour).padStart(2, '0'), hour.messages] as const,
    ]),
    ...volume.daily.map((day) => ['volume.dailyConversations', day.day, day.conversations] as const),
  ];
  return [
    ['figure', 'key', 'value'],
    ...rows.map(([figure, key, value]) => [figure, key, value == null ? '' : String(value)]),
  ];
}
