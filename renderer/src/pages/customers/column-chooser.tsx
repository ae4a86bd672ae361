import { SettingOutlined } from '@ant-design/icons';
import type { VisibilityState } from '@tanstack/react-table';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerColumnIds, lockedColumnIds } from './customer-columns';

interface ColumnChooserProps {
  visibility: VisibilityState;
  onChange: (next: VisibilityState) => void;
}

/** A checkbox per column; the name column stays, since a row without a name is no use. */
export function ColumnChooser({ visibility, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const hiddenCount = customerColumnIds.filter((id) => visibility[id] === false).length;
  const content = (
    <div className="column-chooser" role="group" aria-label={t('customerList.columns.title')}>
      {customerColumnIds.map((id) => (
        <Checkbox
          key={id}
          checked={visibility[id] !== false}
          disabled={lockedColumnIds.includes(id)}
          onChange={(e) => onChange({ ...visibility, [id]: e.target.checked })}
        >
          {t(`customers.columns.${id}`)}
        </Checkbox>
      ))}
      <Button size="small" type="link" className="column-chooser-reset" onClick={() => onChange({})}>
        {t('customerList.columns.reset')}
      </Button>
    </div>
  );
  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      title={t('customerList.columns.title')}
    >
      <Button icon={<SettingOutlined />}>
        {hiddenCount > 0
          ? t('customerList.columns.buttonHidden', { count: hiddenCount })
          : t('customerList.columns.button')}
      </Button>
    </Popover>
  );
}
