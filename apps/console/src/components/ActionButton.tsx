import { Button, type ButtonProps } from 'antd';
import type { AccessScope } from '../access/access';
import { useCan } from '../access/useCan';

export interface ActionButtonProps extends Omit<ButtonProps, 'name'> {
  /** The operation as the OpenAPI document names it: `POST /refunds/{refundId}/approval`. */
  operation: string;
  /** The shop or buyer of the resource, when known: the ownership is checked too. */
  scope?: AccessScope;
  /** The stable test id suffix: `action-<name>`. */
  name: string;
}

/**
 * Shows every action button even where useCan says no, so a test can press a forbidden one and see the server's 403
 * in words: `sessionStorage.setItem('aftersales.console.forceActions', '1')` in the tab (the browser tests do this).
 */
export const FORCE_ACTIONS_KEY = 'aftersales.console.forceActions';
const actionsForced = (): boolean => typeof sessionStorage !== 'undefined' && sessionStorage.getItem(FORCE_ACTIONS_KEY) === '1';

/** A button for an action the caller's role may take; it is not rendered at all when useCan says no (unless forced). */
export function ActionButton({ operation, scope, name, ...button }: ActionButtonProps) {
  const allowed = useCan(operation, scope);
  if (!allowed && !actionsForced()) return null;
  return <Button data-testid={`action-${name}`} data-operation={operation} data-forced={!allowed || undefined} {...button} />;
}
