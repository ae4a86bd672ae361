import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CustomerTextFilterProps {
  value: string | undefined;
  onChange: (next: string | undefined) => void;
}

/** Quiet typing before asking main: one request per pause, not per key. */
const textFilterDebounceMs = 300;

/**
 * The list's text filter: what the header search takes (name, pinyin, phone or its last 4, plate or its tail,
 * VIN), applied with the other filters and the sort. Typed text waits for a pause; the URL holds the value.
 */
export function CustomerTextFilter({ value, onChange }: CustomerTextFilterProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  // The value this box last wrote, and the one last seen in the URL.
  const [written, setWritten] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    // The URL changed by itself (Back, a link, 清除), not by this box: show what it holds.
    if (value !== written) {
      setText(value ?? '');
      setWritten(value);
    }
  }
  const write = (next: string) => {
    const v = next || undefined;
    if (v === value) return;
    setWritten(v);
    onChange(v);
  };
  // Typing waits for a pause before it writes the URL; Enter writes at once.
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const edit = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => write(next.trim()), textFilterDebounceMs);
  };
  return (
    <Input
      aria-label={t('customerList.filters.textLabel')}
      placeholder={t('customerList.filters.text')}
      prefix={<SearchOutlined />}
      value={text}
      maxLength={50}
      allowClear
      onChange={(e) => edit(e.target.value)}
      onPressEnter={() => {
        window.clearTimeout(timer.current);
        write(text.trim());
      }}
      style={{ width: 280 }}
    />
  );
}
