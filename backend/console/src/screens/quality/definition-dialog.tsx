import { Form, type FormInstance, Input } from 'antd';
import { useEffect } from 'react';
import { FormDialog, type FormDialogProps } from '../../forms/form-dialog.tsx';

/**
 * Where a rule or a scorecard is written: both are definitions kept by id, where saving under an id makes its next
 * version, so the id is typed only for a new one. Each opening starts from `startFrom`, with no refusal left over.
 */
export function DefinitionDialog<T extends { id: string; name: string }>({
  editing,
  startFrom,
  idLabel,
  idPlaceholder,
  nameLabel,
  children,
  ...dialog
}: Omit<FormDialogProps<T>, 'width' | 'destroyOnHidden'> & {
  /** A new version of an existing definition: its id stays. */
  editing: boolean;
  /** Kept the same between renders (useMemo), or every render would start the form over. */
  startFrom: Parameters<FormInstance<T>['setFieldsValue']>[0];
  idLabel: string;
  idPlaceholder: string;
  nameLabel: string;
}) {
  const { open, form, submission } = dialog;
  const { clearError } = submission;
  useEffect(() => {
    if (!open) return;
    clearError();
    form.resetFields();
    form.setFieldsValue(startFrom);
  }, [open, startFrom, form, clearError]);

  return (
    <FormDialog {...dialog} width={640}>
      <Form.Item name="id" label={idLabel} rules={[{ required: true }]} hidden={editing}>
        <Input placeholder={idPlaceholder} />
      </Form.Item>
      <Form.Item name="name" label={nameLabel} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      {children}
    </FormDialog>
  );
}
