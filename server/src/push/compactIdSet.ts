/**
 * A set of record ids in 8 bytes each (a 64-bit hash in an open-addressing table of
 * typed arrays) instead of a JavaScript string each (about 60–100 bytes with the Set's
 * own overhead). A campaign resumed at 1,000,000 recipients holds the ids already
 * recorded: 16 MB here, hundreds of MB as strings. Two different ids share a hash with a
 * probability of about n²/2⁶⁵ (3·10⁻⁸ at a million): treated as never.
 */
export class CompactIdSet {
  private table: Uint32Array
  private mask: number
  private count = 0

  constructor(expected = 1024) {
    let capacity = 1024
    while (capacity < expected * 2) capacity *= 2
    this.table = new Uint32Array(capacity * 2)
    this.mask = capacity - 1
  }

  get size(): number {
    return this.count
  }

  add(id: string): void {
    const [a, b] = hash64(id)
    if (this.insert(a, b)) {
      this.count++
      if (this.count * 2 > this.mask + 1) this.grow()
    }
  }

  has(id: string): boolean {
    const [a, b] = hash64(id)
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const x = this.table[i * 2]!
      const y = this.table[i * 2 + 1]!
      if (x === 0 && y === 0) return false
      if (x === a && y === b) return true
    }
  }

  private insert(a: number, b: number): boolean {
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const x = this.table[i * 2]!
      const y = this.table[i * 2 + 1]!
      if (x === 0 && y === 0) {
        this.table[i * 2] = a
        this.table[i * 2 + 1] = b
        return true
      }
      if (x === a && y === b) return false
    }
  }

  private grow(): void {
    const old = this.table
    this.table = new Uint32Array(old.length * 2)
    this.mask = old.length - 1
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!)
  }
}

/** Two independent 32-bit hashes of the UTF-16 code units (FNV-1a and a murmur3-style mix); never both zero. */
function hash64(s: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    let k = Math.imul(c, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    b ^= Math.imul(k, 0x1b873593)
    b = (b << 13) | (b >>> 19)
    b = (Math.imul(b, 5) + 0xe6546b64) | 0
  }
  b ^= s.length
  b ^= b >>> 16
  b = Math.imul(b, 0x85ebca6b)
  b ^= b >>> 13
  b = Math.imul(b, 0xc2b2ae35)
  b ^= b >>> 16
  a >>>= 0
  b >>>= 0
  return a === 0 && b === 0 ? [0, 1] : [a, b]
}
