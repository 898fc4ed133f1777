/**
 * A JSON answer assembled from pieces already encoded as UTF-8 (stored cards): `head`,
 * the pieces separated by commas (a piece may come in parts, written one after
 * another), `tail`, in one buffer — nothing decoded or re-encoded, one copy.
 */
export function joinJson(head: string, pieces: readonly (Buffer | readonly Buffer[])[], tail: string): Buffer {
  const parts: Buffer[] = [Buffer.from(head, 'utf8')]
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(COMMA)
    if (Buffer.isBuffer(piece)) parts.push(piece)
    else parts.push(...piece)
  })
  parts.push(Buffer.from(tail, 'utf8'))
  return Buffer.concat(parts)
}

const COMMA = Buffer.from(',')
