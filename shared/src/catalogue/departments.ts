/**
 * 发布机构 / 部门 catalogue. `indexPrefix` is the organisation part of a 索引号
 * (`640100-108/2018-46173`): the real one where a published page shows it
 * (`indexPrefixSource: 'original'`), otherwise one assigned by this platform and marked so.
 */
export interface Department {
  code: string
  name: string
  /** Short name for tight spaces. */
  shortName: string
  /** 12-digit division code of the area it serves. */
  region: string
  indexPrefix: string
  indexPrefixSource: 'original' | 'platform'
}

export const DEPARTMENTS = [
  { code: 'yinchuan-civil-affairs', name: '银川市民政局', shortName: '银川民政', region: '640100000000', indexPrefix: '640100-108', indexPrefixSource: 'original' },
  { code: 'guiyang-hrss', name: '贵阳市人力资源和社会保障局', shortName: '贵阳人社', region: '520100000000', indexPrefix: '520100-HRSS', indexPrefixSource: 'platform' },
  { code: 'xinxiang-gov-office', name: '新乡市人民政府办公室', shortName: '新乡市政府办', region: '410700000000', indexPrefix: '410700-GOV', indexPrefixSource: 'platform' },
  { code: 'sanyuan-hrss', name: '三明市三元区人力资源和社会保障局', shortName: '三元人社', region: '350404000000', indexPrefix: '350404-HRSS', indexPrefixSource: 'platform' },
  { code: 'shandong-hrss', name: '山东省人力资源和社会保障厅', shortName: '山东人社', region: '370000000000', indexPrefix: '370000-HRSS', indexPrefixSource: 'platform' },
] as const satisfies readonly Department[]

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code']
export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code) as [DepartmentCode, ...DepartmentCode[]]

export function departmentByCode(code: string): Department | undefined {
  return (DEPARTMENTS as readonly Department[]).find((d) => d.code === code)
}

/** A department's name as people read it; the code itself for one not in the catalogue. */
export const departmentNameOf = (code: string): string => departmentByCode(code)?.name ?? code
