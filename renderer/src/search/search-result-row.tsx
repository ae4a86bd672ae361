import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { normalizePlate, formatPlate } from '../../../electron/common/plate';
import type { SearchResult } from '../../../electron/contract/search';
import { highlight } from './highlight';

/** How many plates a row shows before "等 N 辆": a fleet customer can have dozens. */
const platesShown = 2;

interface SearchResultRowProps {
  result: SearchResult;
  /** What the user typed, for marking the matched part. */
  q: string;
  t: TFunction;
}

const nameMatches = new Set(['name_exact', 'name_prefix', 'name']);
const mobileMatches = new Set(['mobile', 'mobile_tail']);
const keyMatches = new Set(['pinyin', 'initials']);
const vinMatches = new Set(['vin', 'vin_tail']);

function platesOf(result: SearchResult, t: TFunction): ReactNode {
  const all = result.plates ? result.plates.split(/\s+/).filter(Boolean) : [];
  if (all.length === 0) return null;
  const matched = result.match === 'plate' ? normalizePlate(result.matchedText) : null;
  // The plate that matched comes first, so the reason for the hit is always on screen.
  const ordered = matched ? [matched, ...all.filter((p) => p !== matched)] : all;
  const shown = ordered.slice(0, platesShown).map((p) => (
    <span key={p} className={p === matched ? 'search-plate is-matched' : 'search-plate'}>
      {formatPlate(p)}
    </span>
  ));
  return (
    <>
      {shown}
      {all.length > platesShown && (
        <span className="search-more">{t('search.morePlates', { count: all.length })}</span>
      )}
    </>
  );
}

/** One hit: who (name, stage), how to recognise them (mobile, plates, series), and why it matched. */
export function SearchResultRow({ result, q, t }: SearchResultRowProps) {
  const name = nameMatches.has(result.match) ? highlight(result.name, q) : result.name;
  const digits = q.replace(/\D/g, '');
  const mobile = result.mobile
    ? mobileMatches.has(result.match)
      ? highlight(result.mobile, digits)
      : result.mobile
    : null;
  const plates = platesOf(result, t);
  const series = result.series?.split(',').join('、');
  return (
    <>
      <span className="search-row-main">
        <span className="search-name">{name}</span>
        <span className={`stage-pill stage-${result.stage}`}>{t(`labels.stage.${result.stage}`)}</span>
      </span>
      <span className="search-row-sub">
        {mobile && <span className="search-mobile">{mobile}</span>}
        {vinMatches.has(result.match) && (
          <span className="search-vin">VIN {highlight(result.matchedText, q.toUpperCase())}</span>
        )}
        {plates}
        {series && (
          <span className="search-series" title={series}>
            {series}
          </span>
        )}
      </span>
      <span className="search-match">
        {t(`search.match.${result.match}`)}
        {keyMatches.has(result.match) && <span className="search-match-key">{result.matchedText}</span>}
      </span>
    </>
  );
}
