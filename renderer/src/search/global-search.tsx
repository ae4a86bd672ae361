import { ArrowRightOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { App as AntApp, Input, Spin } from 'antd';
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../forms/apply-server-errors';
import { SearchResultRow } from './search-result-row';
import { fetchSearch, useCustomerSearch } from './use-customer-search';
import { useSearchShortcut } from './use-search-shortcut';
import './global-search.css';

/**
 * The header's one search box: name, pinyin, phone, plate or VIN, results as the user types, best match first.
 * A combobox in the ARIA sense: focus stays in the input while arrows move through the options.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const listId = useId();
  const inputRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  // The highlighted option belongs to one answer; a new answer starts at its best match again.
  const [cursor, setCursor] = useState<{ q: string; index: number }>({ q: '', index: 0 });
  const { q, query, settled } = useCustomerSearch(text);
  const typed = text.trim();
  const results = typed ? (query.data?.results ?? []) : [];
  // After the results, one more option: the whole set in the customer list, filtered by this text.
  const options = results.length ? results.length + 1 : 0;
  const showAllIndex = results.length;
  const active = cursor.q === q ? Math.min(cursor.index, Math.max(options - 1, 0)) : 0;

  useSearchShortcut(() => {
    inputRef.current?.focus({ cursor: 'all' });
    setOpen(true);
  });

  const openCustomer = (id: number) => {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    void navigate(`/customers/${id}`);
  };

  const showAll = () => {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    void navigate(`/customers?${new URLSearchParams({ q })}`);
  };

  const openBest = async () => {
    if (settled && active === showAllIndex && results.length) return showAll();
    if (settled && results[active]) return openCustomer(results[active].id);
    try {
      const answer = await fetchSearch(queryClient, typed);
      const best = answer.results[0];
      if (best) openCustomer(best.id);
      else void message.info(t('search.noResults'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const move = (delta: number) => {
    setOpen(true);
    if (options === 0) return;
    setCursor({ q, index: (active + delta + options) % options });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME is still turning pinyin into characters
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (typed) void openBest();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open && typed) setOpen(false);
      else {
        setText('');
        inputRef.current?.blur();
      }
    }
  };

  const showPanel = open && typed.length > 0;
  const activeId =
    showPanel && results.length
      ? active === showAllIndex
        ? `${listId}-all`
        : results[active] && `${listId}-${results[active].id}`
      : undefined;
  const data = query.data;
  const totalText =
    data && t(data.totalCapped ? 'search.totalCapped' : 'search.total', { count: data.total });

  let panelBody;
  if (query.isError && results.length === 0) {
    panelBody = <div className="search-state search-error">{errorMessage(query.error)}</div>;
  } else if (results.length === 0) {
    panelBody = (
      <div className="search-state">
        {query.isFetching || !settled ? <Spin size="small" /> : t('search.noResults')}
      </div>
    );
  } else {
    panelBody = (
      <ul id={listId} role="listbox" aria-label={t('search.resultsLabel')} className="search-list">
        {results.map((r, index) => (
          <li
            key={r.id}
            id={`${listId}-${r.id}`}
            role="option"
            aria-selected={index === active}
            className={`search-row${index === active ? ' is-active' : ''}`}
            onMouseEnter={() => setCursor({ q, index })}
            onClick={() => openCustomer(r.id)}
          >
            <SearchResultRow result={r} q={q} t={t} />
          </li>
        ))}
        <li
          id={`${listId}-all`}
          role="option"
          aria-selected={active === showAllIndex}
          className={`search-row search-show-all${active === showAllIndex ? ' is-active' : ''}`}
          onMouseEnter={() => setCursor({ q, index: showAllIndex })}
          onClick={showAll}
        >
          <span className="search-total">
            {totalText}
            {data && data.total > results.length && (
              <span className="search-shown">{t('search.shown', { count: results.length })}</span>
            )}
          </span>
          <span className="search-show-all-action">
            {t('search.showAll')} <ArrowRightOutlined />
          </span>
        </li>
      </ul>
    );
  }

  return (
    <div className={`global-search${focused ? ' is-focused' : ''}`}>
      <Input
        ref={inputRef}
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showPanel}
        aria-controls={showPanel ? listId : undefined}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined className="global-search-icon" />}
        suffix={
          !focused && !text ? (
            <kbd className="global-search-kbd" title={t('search.shortcutHint')}>
              Ctrl K
            </kbd>
          ) : (
            <span />
          )
        }
        allowClear={false}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setFocused(true);
          setOpen(true);
        }}
        onBlur={() => {
          setFocused(false);
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        // Pressing inside the panel must not blur the input first, or the click would land on nothing.
        <div className="search-panel" onMouseDown={(e) => e.preventDefault()}>
          {panelBody}
          <div className="search-footer" aria-hidden="true">
            {query.isFetching && results.length > 0 && <Spin size="small" className="search-footer-spin" />}
            <span>{t('search.keysHint')}</span>
          </div>
        </div>
      )}
    </div>
  );
}
