/**
 * The one place zod is configured. Everything in the project imports `z` from here
 * (through the package index) so that validation messages are in Chinese for users.
 * The mini-program (where `new Function` is forbidden) also turns off zod's JIT, in
 * miniapp/src/api/index.ts; the server keeps it, for speed.
 */
import { z } from 'zod'

z.config(z.locales.zhCN())

export { z }
