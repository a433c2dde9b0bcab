/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  images: {
    remotePatterns: [
      { protocol: 'https', hostname: 'images.acme-retail.example.com' },
    ],
  },
};

export default nextConfig;
