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
  /** Offer the action even when useCan says no (the browser tests force a forbidden action to see the 403). */
  force?: boolean;
}

/** A button for an action the caller's role may take; it is not rendered at all when useCan says no. */
export function ActionButton({ operation, scope, name, force, ...button }: ActionButtonProps) {
  const allowed = useCan(operation, scope);
  if (!allowed && !force) return null;
  return <Button data-testid={`action-${name}`} data-operation={operation} {...button} />;
}
