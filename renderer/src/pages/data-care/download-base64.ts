const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a file main sent as base64: the browser's download in a tab, the save dialog in Electron. */
export function downloadBase64(fileName: string, contentBase64: string, type = xlsxType): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next tick; revoking later keeps slow machines safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
