import fs from 'node:fs'
import path from 'node:path'

/**
 * Where attachment files live. The default keeps them on local disk under DATA_DIR/files;
 * a deployment with several instances points every instance at shared storage (a mounted
 * volume, or an object store behind this same interface).
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>
  /** The file's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>
  has(key: string): Promise<boolean>
  /** Removes the file (nothing happens when there is none). */
  delete(key: string): Promise<void>
}

const SAFE_KEY = /^[0-9a-f]{64}\.[a-z0-9]{1,8}$/

export class LocalDiskStorage implements FileStorage {
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true })
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key: ${key}`)
    return path.join(this.dir, key.slice(0, 2), key)
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key)
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    await fs.promises.writeFile(partial, data)
    await fs.promises.rename(partial, file) // readers never see half a file
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.promises.readFile(this.pathOf(key))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
  }

  async has(key: string): Promise<boolean> {
    return fs.promises.access(this.pathOf(key)).then(
      () => true,
      () => false,
    )
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }
}
