import { apiErrorBodySchema, endpoints, ERROR_CODES, z, type Endpoint } from '@zw/shared'

type JsonSchema = Record<string, unknown>

const COMPONENT_REF = (id: string) => `#/components/schemas/${id}`

const DEF_REF = /^#\/(\$defs|definitions)\//

/** `#/$defs/X` or `#/definitions/X` → `#/components/schemas/X`, everywhere in a generated schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) =>
        k === '$ref' && typeof v === 'string' ? [k, v.replace(DEF_REF, '#/components/schemas/')] : [k, rewriteRefs(v)],
      ),
    )
  }
  return value
}

/**
 * One schema as OpenAPI 3.0, its named sub-schemas (`.meta({ id })`) moved into
 * `components`. A named output schema is answered by reference.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>
    definitions?: Record<string, JsonSchema>
  }
  const { $schema: _s, $defs, definitions, ...root } = json
  for (const [name, def] of Object.entries({ ...$defs, ...definitions })) {
    const { id: _id, ...body } = def
    components[name] ??= rewriteRefs(body) as JsonSchema
  }
  const { id: _id, ...rest } = root
  const own = z.globalRegistry.get(schema)?.id
  if (own && typeof rest.$ref !== 'string') {
    components[own] ??= rewriteRefs(rest) as JsonSchema
    return { $ref: COMPONENT_REF(own) }
  }
  return rewriteRefs(rest) as JsonSchema
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: Record<string, JsonSchema>): unknown[] {
  if (!schema) return []
  const json = toSchema(schema, 'input', components) as { properties?: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }))
}

/**
 * The OpenAPI 3.0 document of the API, generated from the shared contract: every
 * endpoint there, with its schemas, and nothing else.
 */
export function buildOpenApiDocument(info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {}
  const components: Record<string, JsonSchema> = {}
  toSchema(apiErrorBodySchema, 'output', components)
  for (const [operationId, e] of Object.entries(endpoints)) {
    const endpoint = e as Endpoint
    const status = String(endpoint.status ?? 200)
    const errorCodes = endpoint.errors ?? []
    paths[endpoint.path] ??= {}
    paths[endpoint.path]![endpoint.method.toLowerCase()] = {
      operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.auth === 'staff' ? { security: [{ staffToken: [] }] } : endpoint.auth === 'citizen' ? { security: [{ citizenToken: [] }] } : {}),
      parameters: [...parametersOf(endpoint.params, 'path', components), ...parametersOf(endpoint.query, 'query', components)],
      ...(endpoint.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(endpoint.body, 'input', components) } } } }
        : {}),
      responses: {
        [status]: { description: '成功', content: { 'application/json': { schema: toSchema(endpoint.response, 'output', components) } } },
        ...Object.fromEntries(
          errorCodes.map((code) => [
            String(ERROR_CODES[code as keyof typeof ERROR_CODES].status),
            { description: code, content: { 'application/json': { schema: { $ref: COMPONENT_REF('ApiError') } } } },
          ]),
        ),
        default: { description: '错误', content: { 'application/json': { schema: { $ref: COMPONENT_REF('ApiError') } } } },
      },
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '政务两微一端 API',
      version: info.version,
      description: '公众端（小程序、H5）与工作台的接口。错误统一为 { error: { code, message, details? } }。',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        staffToken: { type: 'http', scheme: 'bearer', description: '工作人员访问令牌（登录或刷新所得，15 分钟有效）' },
        citizenToken: { type: 'http', scheme: 'bearer', description: '群众访问令牌（小程序微信登录所得，30 天有效）' },
      },
    },
  }
}
