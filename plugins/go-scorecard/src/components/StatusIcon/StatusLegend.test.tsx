import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { StatusLegend } from './StatusLegend';
import { statusMeanings } from './statusMeanings';

describe('StatusLegend', () => {
  it('names every status worst first, with its meaning as a tooltip', async () => {
    await renderInTestApp(<StatusLegend />);
    const items = screen
      .getByRole('list', { name: 'Status legend' })
      .querySelectorAll('li');
    expect([...items].map(li => li.textContent)).toEqual([
      'Failed',
      'Error',
      'Warning',
      'Passed',
      'Not applicable',
    ]);
    expect(items[4].getAttribute('title')).toBe(statusMeanings.not_applicable);
  });

  it('lists only the statuses asked for', async () => {
    await renderInTestApp(<StatusLegend statuses={['pass', 'fail']} />);
    expect(screen.getByText('Passed')).toBeInTheDocument();
    expect(screen.queryByText('Error')).not.toBeInTheDocument();
  });
});
