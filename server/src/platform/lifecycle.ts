import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type Koa from 'koa'
import type { Logger } from './logger'

export interface RunningServer {
  server: http.Server
  url: string
  /** Stops accepting, lets in-flight requests finish, then cuts what is left after the timeout. */
  close(timeoutMs: number): Promise<void>
}

export async function listen(app: Koa, host: string, port: number): Promise<RunningServer> {
  const server = http.createServer(app.callback())
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: (timeoutMs) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        // Keep-alive connections go idle as their last response ends: close them then,
        // not after keepAliveTimeout. Whatever is still open at the timeout is cut.
        const sweep = setInterval(() => server.closeIdleConnections(), 50)
        const timer = setTimeout(() => server.closeAllConnections(), timeoutMs)
        timer.unref()
        server.close(() => {
          clearInterval(sweep)
          clearTimeout(timer)
          resolve()
        })
        server.closeIdleConnections()
      }),
  }
}

export type ShutdownStep = { name: string; run: () => Promise<void> | void }

/**
 * Runs the shutdown steps once, in order (stop accepting and drain, stop jobs, close the
 * database, stop the embedded database), logging each; a failing step does not stop the rest.
 */
export function createShutdown(logger: Logger, steps: ShutdownStep[]): (reason: string) => Promise<void> {
  let running: Promise<void> | undefined
  return (reason) => {
    running ??= (async () => {
      logger.info({ reason }, 'shutting down')
      for (const step of steps) {
        try {
          await step.run()
          logger.info({ step: step.name }, 'shutdown step done')
        } catch (err) {
          logger.error({ step: step.name, err }, 'shutdown step failed')
        }
      }
      logger.info('shutdown complete')
    })()
    return running
  }
}
