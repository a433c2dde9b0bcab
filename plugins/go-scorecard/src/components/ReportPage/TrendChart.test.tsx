import { render, screen } from '@testing-library/react';
import { TrendChart } from './TrendChart';

const counts = { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 };

describe('TrendChart', () => {
  it('says a single day once', () => {
    render(
      <TrendChart
        points={[{ time: Date.UTC(2026, 10, 30), score: 84, counts }]}
      />,
    );
    const summary = screen.getByRole('img').getAttribute('aria-label');
    expect(summary).toMatch(
      /^Score over time: 84% on .+ \(one day so far\)\.$/,
    );
    expect(summary).not.toMatch(/points/);
  });

  it('gives the first and last score of several days', () => {
    render(
      <TrendChart
        points={[
          { time: Date.UTC(2026, 10, 28), score: 70, counts },
          { time: Date.UTC(2026, 10, 29), counts },
          { time: Date.UTC(2026, 10, 30), score: 77, counts },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Score over time: 70% on .+, 77% on .+ \(2 days\)\.$/,
    );
  });

  it('says when there is no history yet', () => {
    render(<TrendChart points={[]} />);
    expect(screen.getByText('No history yet.')).toBeInTheDocument();
  });
});
