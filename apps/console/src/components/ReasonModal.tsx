import { useEffect, useState } from 'react';
import { Input, Modal, type ButtonProps } from 'antd';
import { ProblemAlert } from './ProblemAlert';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  /** The confirm button's test id suffix: `action-<name>`. */
  name: string;
  /** The field's hint, in the view's words (OK and Cancel come from antd's locale). */
  placeholder: string;
  /** The reason may be left empty (an approval's note). */
  optional?: boolean;
  pending?: boolean;
  error?: unknown;
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** Asks why before a decision (reject, publish, re-drive …); the server's problem shows inside, in words. */
export function ReasonModal({ open, title, name, placeholder, optional, pending, error, onSubmit, onCancel }: ReasonModalProps) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const empty = reason.trim() === '';
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => onSubmit(reason.trim())}
      okButtonProps={{ disabled: empty && !optional, loading: pending, 'data-testid': `action-${name}` } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'action-cancel' } as ButtonProps}
      destroyOnHidden
    >
      <Input.TextArea
        data-testid="reason-input"
        autoFocus
        value={reason}
        maxLength={500}
        rows={3}
        placeholder={placeholder}
        onChange={(event) => setReason(event.target.value)}
      />
      <div style={{ marginTop: 12 }}>
        <ProblemAlert error={error} />
      </div>
    </Modal>
  );
}
