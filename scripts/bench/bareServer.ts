/** The baseline of the read benchmark: Koa answering a fixed JSON body, nothing else. */
import Koa from 'koa'

const body = { status: 'ok', name: '政务公开', items: [] as unknown[] }
const app = new Koa()
app.use((ctx) => {
  ctx.body = body
})
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(`BARE_URL http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
