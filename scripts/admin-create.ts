/**
 * `npm run admin:create -- --username NAME --name 姓名 --department CODE`
 *
 * Creates a platform administrator (there is no default account or password). The
 * password is asked for on the terminal (not echoed), or read from ADMIN_PASSWORD when
 * there is no terminal. Uses MONGODB_URI, or else the embedded database under DATA_DIR
 * (stop `npm start` first, or set MONGODB_URI to the address it printed).
 */
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import mongoose from 'mongoose'
import { createStaffBodySchema, fieldErrorsOf } from '@zw/shared'
import { loadConfig } from '../server/src/platform/config'
import { startFerretDb, type EmbeddedDb } from '../server/src/platform/embeddedDb'
import { createAccount } from '../server/src/auth/staffAccounts'

const { values } = parseArgs({
  options: { username: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' } },
})

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
    let asked = false
    output._writeToOutput = (s: string) => {
      if (!asked) {
        output.output.write(s)
        asked = true
      }
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function main(): Promise<number> {
  let password = process.env.ADMIN_PASSWORD ?? ''
  if (!password) {
    if (!process.stdin.isTTY) {
      process.stderr.write('没有终端可输入密码：请设置 ADMIN_PASSWORD 环境变量。\n')
      return 64
    }
    password = await askHidden('新管理员的密码（至少 10 位，含字母和数字）：')
    const again = await askHidden('再输入一次：')
    if (again !== password) {
      process.stderr.write('两次输入的密码不一致。\n')
      return 64
    }
  }
  const parsed = createStaffBodySchema.safeParse({ username: values.username, displayName: values.name, department: values.department, roles: ['platform-admin'], password })
  if (!parsed.success) {
    for (const f of fieldErrorsOf(parsed.error)) process.stderr.write(`${f.path}: ${f.message}\n`)
    process.stderr.write('用法：npm run admin:create -- --username NAME --name 姓名 --department 部门代码\n')
    return 64
  }
  const config = loadConfig()
  let embedded: EmbeddedDb | undefined
  let uri = config.MONGODB_URI
  if (!uri) {
    embedded = await startFerretDb({ dataDir: path.join(config.DATA_DIR, 'db') })
    uri = embedded.uri
  }
  try {
    await mongoose.connect(uri)
    const account = await createAccount(parsed.data, new Date(), { id: 'admin:create', name: 'npm run admin:create' })
    process.stdout.write(`已创建平台管理员 ${account.username}（${account.displayName}）。\n`)
    return 0
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    return 1
  } finally {
    await mongoose.disconnect()
    await embedded?.stop()
  }
}

main().then((code) => process.exit(code))
