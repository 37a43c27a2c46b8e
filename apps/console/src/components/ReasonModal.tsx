import { useEffect, useState } from 'react';
import { Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  /** The confirm button's test id suffix: `action-<name>`. */
  name: string;
  /** The reason may be left empty (an approval's note). */
  optional?: boolean;
  pending?: boolean;
  error?: unknown;
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** Asks why before a decision (reject, publish, re-drive …); the server's problem shows inside, in words. */
export function ReasonModal({ open, title, name, optional, pending, error, onSubmit, onCancel }: ReasonModalProps) {
  const { t } = useTranslation();
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
      okText={t('reasonModal.confirm', { defaultValue: 'OK' })}
      cancelText={t('reasonModal.cancel', { defaultValue: 'Cancel' })}
      destroyOnHidden
    >
      <Input.TextArea
        data-testid="reason-input"
        autoFocus
        value={reason}
        maxLength={500}
        rows={3}
        placeholder={t('reasonModal.placeholder', { defaultValue: 'Reason' })}
        onChange={(event) => setReason(event.target.value)}
      />
      <div style={{ marginTop: 12 }}>
        <ProblemAlert error={error} />
      </div>
    </Modal>
  );
}
