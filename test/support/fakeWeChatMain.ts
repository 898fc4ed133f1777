/**
 * The fake WeChat as a process of its own, for benchmarks: its request handling then does
 * not compete with the sender being measured for one event loop.
 *
 *   tsx test/support/fakeWeChatMain.ts [--port 0] [--latency 5] [--jitter 2] [--rate 5000] [--burst 500]
 *       [--fail=-1=0.01,43101=0.005] [--seed 1] [--accept-all] [--lean] [--template TPL-A]...
 *
 * (`--fail=` with the equals sign: a value starting with "-" is otherwise read as an option.)
 * Prints one line of JSON on stdout when listening: {"url","appId","appSecret","pid"}.
 * Counters at GET <url>/__fake/stats, accepted openids at GET <url>/__fake/delivered.
 * Stops on SIGTERM / SIGINT.
 */
import { parseArgs } from 'node:util'
import { FakeWeChat } from './fakeWeChat'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    jitter: { type: 'string', default: '0' },
    rate: { type: 'string' },
    burst: { type: 'string' },
    fail: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    'accept-all': { type: 'boolean', default: false },
    lean: { type: 'boolean', default: false },
    template: { type: 'string', multiple: true, default: [] },
  },
})

const number = (name: string, text: string) => {
  const n = Number(text)
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${text}`)
  return n
}
const failureRates: Record<number, number> = {}
for (const pair of values.fail.split(',').filter(Boolean)) {
  const [code, p] = pair.split('=')
  failureRates[number('fail', code ?? '')] = number('fail', p ?? '')
}

const fake = new FakeWeChat({
  latencyMs: number('latency', values.latency),
  latencyJitterMs: number('jitter', values.jitter),
  failureRates,
  seed: number('seed', values.seed),
  acceptAllConsents: values['accept-all'],
  lean: values.lean,
  templates: values.template,
  ...(values.rate ? { rateLimit: { perSecond: number('rate', values.rate), ...(values.burst ? { burst: number('burst', values.burst) } : {}) } } : {}),
})
await fake.start(number('port', values.port))
process.stdout.write(`${JSON.stringify({ url: fake.url, appId: fake.appId, appSecret: fake.appSecret, pid: process.pid })}\n`)

const stop = () => void fake.stop().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
