import { redirect } from 'next/navigation';

export default function Products() {
  redirect('/');
}
