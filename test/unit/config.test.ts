import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/platform/config'

describe('loadConfig', () => {
  it('gives every setting its documented default', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: 3000, LOG_LEVEL: 'info', BODY_LIMIT: '1mb', TRUST_PROXY: false, SHUTDOWN_TIMEOUT_MS: 10_000 })
    expect(c.MONGODB_URI).toBeUndefined()
    expect(c.DATA_DIR).toMatch(/data$/)
  })

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', MONGODB_URI: 'mongodb://a,b,c/zw?replicaSet=rs0', BODY_LIMIT: '256kb' })
    expect(c.PORT).toBe(8080)
    expect(c.TRUST_PROXY).toBe(true)
    expect(c.MONGODB_URI).toBe('mongodb://a,b,c/zw?replicaSet=rs0')
    expect(c.BODY_LIMIT).toBe('256kb')
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000)
  })

  it('names every wrong variable with a reason', () => {
    try {
      loadConfig({ PORT: '70000', TRUST_PROXY: 'yes', BODY_LIMIT: 'lots', NODE_ENV: 'staging' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const vars = (err as ConfigError).problems.map((p) => p.variable).sort()
      expect(vars).toEqual(['BODY_LIMIT', 'NODE_ENV', 'PORT', 'TRUST_PROXY'])
      expect((err as ConfigError).message).toMatch(/PORT: /)
    }
  })

  it('takes the cadence check times as cron expressions in Beijing time, refusing what is not one', () => {
    expect(loadConfig({}).CADENCE_MID_WEEK_CRON).toBe('0 10 * * 3')
    expect(loadConfig({ CADENCE_LATE_WEEK_CRON: '30 16 * * 5' }).CADENCE_LATE_WEEK_CRON).toBe('30 16 * * 5')
    try {
      loadConfig({ CADENCE_MID_WEEK_CRON: 'every wednesday', CADENCE_FLOOR_CRON: '0 0 8 * * *' })
      expect.unreachable()
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        { variable: 'CADENCE_MID_WEEK_CRON', message: '应为五段式 cron 表达式（北京时间），例如 0 10 * * 3' },
        { variable: 'CADENCE_FLOOR_CRON', message: '应为五段式 cron 表达式（北京时间），例如 0 10 * * 3' },
      ])
    }
  })
})

describe('the key of applicants’ ID numbers (DISCLOSURE_ID_KEY)', () => {
  it('is required in production, optional elsewhere, and must be 32 bytes of hex', () => {
    expect(loadConfig({}).DISCLOSURE_ID_KEY).toBeUndefined()
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DISCLOSURE_ID_KEY/)
    expect(loadConfig({ NODE_ENV: 'production', DISCLOSURE_ID_KEY: 'ab'.repeat(32) }).DISCLOSURE_ID_KEY).toBe('ab'.repeat(32))
    try {
      loadConfig({ DISCLOSURE_ID_KEY: 'short' })
      expect.unreachable()
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([{ variable: 'DISCLOSURE_ID_KEY', message: '应为 64 位十六进制（32 字节）密钥' }])
    }
    expect(loadConfig({}).DISCLOSURE_FEE_PAUSES_CLOCK).toBe(true)
    expect(loadConfig({ DISCLOSURE_FEE_PAUSES_CLOCK: 'false' }).DISCLOSURE_FEE_PAUSES_CLOCK).toBe(false)
  })

  it('takes the push quiet hours as HH:mm-HH:mm in Beijing time, 22:00-08:00 unless set', async () => {
    const { pushSettingsOf } = await import('../../server/src/push/pushSettings')
    expect(pushSettingsOf(loadConfig({})).pushSender.quietHours).toEqual({ start: '22:00', end: '08:00' })
    expect(pushSettingsOf(loadConfig({ PUSH_QUIET_HOURS: '21:30-07:00' })).pushSender.quietHours).toEqual({ start: '21:30', end: '07:00' })
    try {
      loadConfig({ PUSH_QUIET_HOURS: '22-8' })
      expect.unreachable()
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([{ variable: 'PUSH_QUIET_HOURS', message: '应为 HH:mm-HH:mm（北京时间），例如 22:00-08:00' }])
    }
  })
})
