import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-backoffice fills this view (see CONSOLE.md). */
export default function ShopPage() {
  return <PlaceholderPage namespace="shop" testId="shop-page" />;
}
