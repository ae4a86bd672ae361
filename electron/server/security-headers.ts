/** One CSP for the browser and the Electron window: nothing loads from outside the app. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // antd injects its CSS-in-JS styles at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');
