/** Hand a file to the browser's downloads (extension pages only: page code never downloads). */
export function download(file: { name: string; type: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; a minute is ample on a slow machine.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
