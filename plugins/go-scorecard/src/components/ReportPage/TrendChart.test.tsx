import { render, screen, within } from '@testing-library/react';
import { TrendChart } from './TrendChart';

const counts = { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 };

describe('TrendChart', () => {
  it('says "one scan so far" for a single day instead of a lone dot', () => {
    render(
      <TrendChart
        points={[{ time: Date.UTC(2026, 10, 30), score: 84, counts }]}
      />,
    );
    expect(
      screen.getByText(/^One scan so far: 84% on Nov 30, 2026\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws several days with labelled axes: the date and the score in %', () => {
    const { container } = render(
      <TrendChart
        points={[
          { time: Date.UTC(2026, 10, 28), score: 70, counts },
          { time: Date.UTC(2026, 10, 29), counts },
          { time: Date.UTC(2026, 10, 30), score: 77, counts },
        ]}
      />,
    );
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Score over time: 70% on Nov 28, 2026, 77% on Nov 30, 2026 (2 days).',
    );
    const labels = [...container.querySelectorAll('text')].map(
      t => t.textContent,
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        '0%',
        '50%',
        '100%',
        'Score (%)',
        'Nov 28',
        'Nov 30',
        'Date (UTC)',
      ]),
    );
    expect(within(chart).getAllByText(/^Nov \d+$/)).toHaveLength(2);
  });

  it('says when there is no history yet', () => {
    render(<TrendChart points={[]} />);
    expect(screen.getByText('No history yet.')).toBeInTheDocument();
  });

  it('says when a rise in the score came with more waived findings: debt waived, not fixed', () => {
    const { container } = render(
      <TrendChart
        points={[
          { time: Date.UTC(2026, 10, 28), score: 70, counts, waived: 0 },
          { time: Date.UTC(2026, 10, 30), score: 90, counts, waived: 4 },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Score over time: 70% on Nov 28, 2026, 90% on Nov 30, 2026 (2 days). Waived findings: 0, then 4: part of the rise is waived, not fixed.',
    );
    expect(
      [...container.querySelectorAll('circle title')].map(t => t.textContent),
    ).toEqual(['Nov 28, 2026: 70%', 'Nov 30, 2026: 90%, 4 waived findings']);
  });

  it('says nothing of waivers when none were, or when a point does not know', () => {
    const chart = (first?: number, last?: number) => {
      const { unmount } = render(
        <TrendChart
          points={[
            { time: Date.UTC(2026, 10, 28), score: 70, counts, waived: first },
            { time: Date.UTC(2026, 10, 30), score: 90, counts, waived: last },
          ]}
        />,
      );
      const label = screen.getByRole('img').getAttribute('aria-label');
      unmount();
      return label;
    };
    const plain =
      'Score over time: 70% on Nov 28, 2026, 90% on Nov 30, 2026 (2 days).';
    expect(chart(0, 0)).toBe(plain);
    expect(chart(undefined, 3)).toBe(plain);
    expect(chart(3, 1)).toBe(`${plain} Waived findings: 3, then 1.`);
  });
});
