/**
 * The one place zod is configured. Everything in the project imports `z` from here
 * (through the package index) so that validation messages are in Chinese for users
 * and so that the mini-program runtime (where `new Function` is forbidden) never
 * tries zod's JIT path.
 */
import { z } from 'zod'

z.config(z.locales.zhCN())
z.config({ jitless: true })

export { z }
