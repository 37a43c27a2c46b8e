import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-backoffice fills this view (see CONSOLE.md). */
export default function FinancePage() {
  return <PlaceholderPage namespace="finance" testId="finance-page" />;
}
