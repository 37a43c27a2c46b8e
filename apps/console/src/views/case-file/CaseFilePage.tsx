import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Placeholder: console-casefile fills this view (see CONSOLE.md). */
export default function CaseFilePage() {
  return <PlaceholderPage namespace="caseFile" testId="case-file-page" />;
}
