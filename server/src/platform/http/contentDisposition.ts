/**
 * `Content-Disposition` for a file with a Chinese name: `filename*` in UTF-8, percent-encoded
 * as RFC 5987 requires (encodeURIComponent leaves `'()*!` as they are, which are not
 * attr-chars). Images open in place; other files download.
 */
export function contentDisposition(name: string, mime: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${mime.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encoded}`
}
