import Link from 'next/link';

type Product = { sku: string; title: string; priceCents: number };

// Server component: the catalog gateway is only reachable inside the cluster.
async function featured(): Promise<Product[]> {
  const res = await fetch(
    `${process.env.CATALOG_GATEWAY_URL}/v1/products?featured=true`,
    {
      next: { revalidate: 60 },
    },
  );
  if (!res.ok) return [];
  return res.json();
}

export default async function Home() {
  const products = await featured();
  return (
    <main>
      <h1>New this week</h1>
      <ul>
        {products.map(p => (
          <li key={p.sku}>
            <Link href={`/products/${p.sku}`}>{p.title}</Link>{' '}
            {(p.priceCents / 100).toFixed(2)} EUR
          </li>
        ))}
      </ul>
    </main>
  );
}
