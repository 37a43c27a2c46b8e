import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-backoffice fills this view (see CONSOLE.md). */
export default function PlatformPage() {
  return <PlaceholderPage namespace="platform" testId="platform-page" />;
}
