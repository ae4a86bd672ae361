interface AppLogoProps {
  size?: number;
}

/** A simple mark drawn inline: no image request, so it works under the strict CSP and file://. */
export function AppLogo({ size = 28 }: AppLogoProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d5fa8" />
      <path
        d="M7 19.5l2.2-5.6A2.5 2.5 0 0 1 11.5 12.3h9a2.5 2.5 0 0 1 2.3 1.6L25 19.5v3.2a1 1 0 0 1-1 1h-1.6a1 1 0 0 1-1-1v-.9H10.6v.9a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1z"
        fill="#fff"
      />
      <circle cx="11" cy="19" r="1.4" fill="#1d5fa8" />
      <circle cx="21" cy="19" r="1.4" fill="#1d5fa8" />
      <path d="M10.4 17l1.3-3.1h8.6l1.3 3.1z" fill="#9cc3ea" />
    </svg>
  );
}
