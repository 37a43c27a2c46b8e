import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-shell fills this view (see CONSOLE.md). */
export default function QueuePage() {
  return <PlaceholderPage namespace="queue" testId="queue-page" />;
}
