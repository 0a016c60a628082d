import type { FormInstance } from 'antd';
import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { SubmitForm } from './submit-form.tsx';
import type { Submission } from './use-form-submit.ts';

export interface FormDialogProps<T> {
  /** The form's name: also the prefix of its fields' element ids, so two dialogs never share an id. */
  name: string;
  form: FormInstance<T>;
  submission: Submission<T>;
  open: boolean;
  title: string;
  okText: string;
  width?: number;
  destroyOnHidden?: boolean;
  initialValues?: Partial<T>;
  onClose(): void;
  children: ReactNode;
}

/** A form in a modal: OK submits it (busy while it is sent), cancel closes without sending. */
export function FormDialog<T>({
  name,
  form,
  submission,
  initialValues,
  onClose,
  children,
  ...modal
}: FormDialogProps<T>) {
  const { t } = useLanguage();
  return (
    <Modal
      {...modal}
      cancelText={t('action.cancel')}
      confirmLoading={submission.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <SubmitForm name={name} form={form} submission={submission} initialValues={initialValues}>
        {children}
      </SubmitForm>
    </Modal>
  );
}
