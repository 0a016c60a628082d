import { Button, Flex, Tooltip } from 'antd';
import { useLanguage } from '../../i18n/language-context.tsx';
import { cannedVariableNames } from '../workspace/canned-variables.ts';

/** The variables a reply may use, each a button that puts `{name}` into the body at the cursor. */
export function VariableTags({ onInsert }: { onInsert(variable: string): void }) {
  const { t } = useLanguage();
  return (
    <Flex wrap gap="small">
      {cannedVariableNames.map((name) => (
        <Tooltip key={name} title={t(`cannedAdmin.variable.${name}`)}>
          <Button size="small" type="dashed" onClick={() => onInsert(`{${name}}`)}>
            {`{${name}}`}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
