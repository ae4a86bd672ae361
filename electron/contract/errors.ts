/** Errors travel as data. The kinds are closed so the UI can always show a fitting message. */
export const errorKinds = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  // A workstation sent more requests than the host lets one client send (HTTP 429).
  'rate_limited',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface ApiErrorBody {
  kind: ErrorKind;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services; the router turns it into an envelope. Messages are for staff, in Chinese. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const defaultErrorMessages: Record<ErrorKind, string> = {
  validation: '输入有误，请检查后重试',
  not_found: '记录不存在或已被删除',
  conflict: '记录已被他人修改，请刷新后重试',
  forbidden: '您没有执行此操作的权限',
  unauthenticated: '登录已过期，请重新登录',
  rate_limited: '本工作站的请求过于频繁，请稍等几秒再试',
  internal: '系统内部错误，请稍后重试或联系管理员',
};

export const httpStatusOfKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};
