/**
 * English messages may give i18next's singular form (`key_one`) beside any string key that takes {{count}}:
 * Chinese has one form, so the Chinese messages (the source of the message types) never carry these keys.
 */
export type WithPlurals<T> = T extends string
  ? string
  : { [K in keyof T]: WithPlurals<T[K]> } & {
      [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
    };
