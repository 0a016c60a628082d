import { Alert, Button, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { Submission } from './use-form-submit.ts';

/**
 * A form wired to its `useFormSubmit`: the refusal no field took stands above the fields, the rest sit on the
 * fields they name. An inline form passes `submitText` for its own button; in a dialog the dialog's OK submits.
 */
export function SubmitForm<T>({
  name,
  form,
  submission,
  initialValues,
  submitText,
  children,
}: {
  /** Also the prefix of the fields' element ids, so two forms on one page never share an id. */
  name: string;
  form: FormInstance<T>;
  submission: Submission<T>;
  initialValues?: Partial<T>;
  submitText?: string;
  children: ReactNode;
}) {
  return (
    <Form
      name={name}
      form={form}
      layout="vertical"
      onFinish={submission.submit}
      initialValues={initialValues}
      data-testid={`${name}-form`}
    >
      {submission.error && <Alert type="error" showIcon message={submission.error} style={{ marginBottom: 12 }} />}
      {children}
      {submitText && (
        <Button type="primary" htmlType="submit" loading={submission.busy}>
          {submitText}
        </Button>
      )}
    </Form>
  );
}
