import { screen, waitFor } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import { notificationsApiRef } from '@backstage/plugin-notifications';
import { navModule } from './index';

describe('the sidebar', () => {
  it('shows the notifications bell with the unread count, once', async () => {
    const getStatus = jest.fn(async () => ({ unread: 3, read: 1 }));
    renderTestApp({
      features: [notificationsPlugin, navModule],
      apis: [[notificationsApiRef, { getStatus } as any]],
    });
    await waitFor(() => expect(getStatus).toHaveBeenCalled());
    const unread = await screen.findByLabelText('Unread notifications');
    expect(unread).toHaveTextContent('3');
    expect(screen.getAllByText('Notifications')).toHaveLength(1);
    expect(
      screen.getByText('Notifications').closest('a')?.getAttribute('href'),
    ).toBe('/notifications');
  });
});
