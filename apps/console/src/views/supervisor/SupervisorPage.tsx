import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-backoffice fills this view (see CONSOLE.md). */
export default function SupervisorPage() {
  return <PlaceholderPage namespace="supervisor" testId="supervisor-page" />;
}
