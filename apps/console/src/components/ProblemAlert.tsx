import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { problemInWords, type Problem } from '../format/problem';

/** Any error a call threw, as a problem: an ApiError carries the server's; anything else becomes a status-less one. */
export function problemOfError(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { title: error instanceof Error ? error.name : 'Error', status: 0, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * The server's problem+json in words: title and status, the detail, the rule it names, one line per bad field.
 * Renders nothing without an error, so a form can always place it: `<ProblemAlert error={mutation.error} />`.
 */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const words = problemInWords(problemOfError(error));
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem-alert"
      closable={onClose ? { onClose } : undefined}
      title={<span data-testid="problem-headline">{words.headline}</span>}
      description={
        <div>
          {words.detail && <div data-testid="problem-detail">{words.detail}</div>}
          {words.rule && (
            <div>
              {t('problem.rule')}: <code data-testid="problem-rule">{words.rule}</code>
            </div>
          )}
          {words.currentStatus && (
            <div>
              {t('problem.currentStatus')}: <code>{words.currentStatus}</code>
            </div>
          )}
          {words.fields.length > 0 && (
            <ul data-testid="problem-fields" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {words.fields.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
