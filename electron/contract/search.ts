import { z } from 'zod';
import { channel } from './channel';
import { stages } from './customers';

/** How a search result matched, best first: the UI shows it and the ranking follows this order. */
export const searchMatches = [
  'mobile',
  'plate',
  'vin',
  'mobile_tail',
  'vin_tail',
  'name_exact',
  'name_prefix',
  'name',
  'pinyin',
  'initials',
] as const;
export type SearchMatch = (typeof searchMatches)[number];
/** Matches whose `matchedText` is the customer's mobile. */
export const mobileMatches: readonly SearchMatch[] = ['mobile', 'mobile_tail'];

export const searchResult = z.object({
  id: z.number(),
  name: z.string(),
  mobile: z.string().nullable(),
  /** The customer's current plates, space separated, as in the customer list. */
  plates: z.string().nullable(),
  series: z.string().nullable(),
  stage: z.enum(stages),
  match: z.enum(searchMatches),
  /** The stored value that matched (the mobile, plate, VIN, name or pinyin key), for highlighting. */
  matchedText: z.string(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const facetCount = z.object({ value: z.string(), count: z.number() });

export const searchContract = {
  'customers.search': channel({
    summary:
      'One search box: name, pinyin, initials, mobile or its last 4, plate, VIN or its last 6; best match first',
    access: 'customers.read',
    input: z.object({
      q: z.string().trim().min(1, '请输入搜索内容').max(50, '搜索内容不能超过 50 个字'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({
      results: z.array(searchResult),
      /** How many customers match in all (the customer list's text filter shows them all). */
      total: z.number(),
      /** The count stopped at `total`: at least that many match. */
      totalCapped: z.boolean(),
    }),
    personal: {
      spots: [
        {
          at: 'results[]',
          customerId: 'id',
          // A hit on the mobile or its last four matched on the full number; it is shown masked like the rest.
          fields: {
            mobile: 'mobile',
            matchedText: { mask: 'mobile', when: { field: 'match', in: mobileMatches } },
          },
        },
      ],
    },
  }),
  'customers.facets': channel({
    summary:
      'Choices for the customer list filters: districts and tags with their customers, series with their vehicles',
    access: 'customers.read',
    input: z.object({}),
    /** Each list most frequent first; merged-away customers are not counted. */
    output: z.object({
      districts: z.array(facetCount),
      /** Counts vehicles of the series (a customer with two counts twice). */
      series: z.array(facetCount),
      tags: z.array(facetCount),
    }),
  }),
};
