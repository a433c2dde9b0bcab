import type { ReactNode } from 'react';

export const metadata = {
  title: 'Acme Retail',
  description: 'Shoes, socks and everything in between.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
