import { agentFiguresOf, csatOf, rate } from './analytics-report.ts';

describe('analytics figures from counts', () => {
  it('has no rate where nothing counts', () => {
    expect(rate(3, 0)).toBeNull();
    expect(rate(0, 4)).toBe(0);
  });

  it('reads CSAT from the rating counts: distribution 1..5, average, share of 4 and 5', () => {
    expect(
      csatOf([
        { rating: 5, count: 3 },
        { rating: 1, count: 1 },
        { rating: 4, count: 1 },
      ]),
    ).toEqual({ ratings: 5, average: 20 / 5, satisfiedRate: 4 / 5, distribution: [1, 0, 0, 1, 3] });
    expect(csatOf([])).toEqual({ ratings: 0, average: null, satisfiedRate: null, distribution: [0, 0, 0, 0, 0] });
  });

  it('weighs occupancy by seats: handle time over capacity × available time, agents without seat time left out', () => {
    const figures = agentFiguresOf([
      { agentId: 'a', displayName: 'A', conversations: 3, servedSeconds: 300, availableSeconds: 200, seatSeconds: 400 },
      { agentId: 'b', displayName: 'B', conversations: 1, servedSeconds: 100, availableSeconds: 100, seatSeconds: 400 },
      { agentId: 'away', displayName: null, conversations: 1, servedSeconds: 50, availableSeconds: 0, seatSeconds: 0 },
      { agentId: 'zero', displayName: 'Z', conversations: 0, servedSeconds: 0, availableSeconds: 60, seatSeconds: 0 },
    ]);
    expect(figures.agents.map((agent) => agent.occupancy)).toEqual([0.75, 0.25, null, null]);
    expect(figures.occupancy).toBe(400 / 800);
  });

  it('has no overall occupancy when nobody was available', () => {
    const figures = agentFiguresOf([
      { agentId: 'a', displayName: 'A', conversations: 1, servedSeconds: 30, availableSeconds: 0, seatSeconds: 0 },
    ]);
    expect(figures.occupancy).toBeNull();
  });
});
