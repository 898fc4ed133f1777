import type { ContentDraftInput } from '@zw/shared'

/**
 * The five real documents of the corpus (`./corpus/*.txt`, copied byte for byte from the
 * shared corpus), as policy drafts. The body is not here: the seed reads the corpus file,
 * drops the first `skipLines` lines of page furniture and turns the rest into HTML.
 *
 * Metadata comes from the documents themselves and the corpus README. Whatever a document
 * does not show is named in `policy.unknownFields` instead of being invented.
 */
export interface DemoPolicy {
  /** Stable key, referenced by interpretations. */
  key: string
  /** Corpus file name (in `./corpus/`). */
  file: string
  /** Lines at the top of the file that are page furniture (e.g. the metadata header block of the yinchuan file, "无障碍 | 长者版", breadcrumbs), to be left out of the body. 0 if none. */
  skipLines: number
  /** 发布日期 YYYY-MM-DD (Asia/Shanghai); if unknown, the best date the document itself states, and '发布日期' is in unknownFields. */
  publishedOn: string
  /** The real 索引号 when the source shows one (only yinchuan does), else null (the platform generates one). */
  indexNumber: string | null
  draft: Omit<Extract<ContentDraftInput, { type: 'policy' }>, 'body'>
}

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    key: 'yinchuan-2018-key-points',
    file: 'yinchuan-civil-affairs-2018-key-points.txt',
    // 无障碍 | 长者版, breadcrumbs and the 索引号/效力状态/发布机构… header block (lines 1–9)
    skipLines: 9,
    publishedOn: '2018-08-02',
    indexNumber: '640100-108/2018-46173',
    draft: {
      type: 'policy',
      title: '关于印发银川市民政局2018年政务公开工作要点的通知',
      department: 'yinchuan-civil-affairs',
      topics: ['social-assistance', 'elderly-care', 'disaster-relief'],
      regions: ['640100000000'],
      summary:
        '银川市民政局2018年要把低保、临时救助、养老等和群众有关的事公开得更清楚：政策印发后5个工作日内上网，每项政策至少讲解两次，公开时保护好个人信息。',
      policy: {
        docNumber: null,
        writtenOn: '2018-08-02',
        issuer: '银川市民政局',
        validity: { status: 'valid' },
        disclosure: 'proactive',
        source: 'corpus/yinchuan-civil-affairs-2018-key-points.txt',
        unknownFields: ['文号'],
      },
    },
  },
  {
    key: 'guiyang-2017-disclosure-plan',
    file: 'guiyang-hrss-2017-disclosure-plan.txt',
    // line 1 is the page title inside table debris ("… | |||||"), line 2 is table debris only
    skipLines: 2,
    // The document states no date of its own beyond the year 2017 (README: "2017");
    // 2017-01-01 stands for "2017年" and 发布日期 is listed as unknown.
    publishedOn: '2017-01-01',
    indexNumber: null,
    draft: {
      type: 'policy',
      title: '贵阳市人力资源和社会保障局关于印发政务公开工作方案的通知',
      department: 'guiyang-hrss',
      topics: ['employment-subsidies', 'social-insurance', 'employment'],
      regions: ['520100000000'],
      summary:
        '贵阳市人社局的政务公开安排：公开就业创业补贴怎么申领，文件印发当天上网并标明是否有效，政务微信微博每周至少更新2次，重要民生政策每年至少讲解2次。',
      policy: {
        docNumber: null,
        writtenOn: null,
        issuer: '贵阳市人力资源和社会保障局',
        validity: { status: 'valid' },
        disclosure: 'proactive',
        source: 'corpus/guiyang-hrss-2017-disclosure-plan.txt',
        unknownFields: ['文号', '成文日期', '发布日期'],
      },
    },
  },
  {
    key: 'xinxiang-2020-standardization',
    file: 'xinxiang-2020-basic-level-standardization.txt',
    // the file starts with the document's own heading: no page furniture
    skipLines: 0,
    // 2020年6月2日 is the date the document is signed; the web publication date is not shown
    publishedOn: '2020-06-02',
    indexNumber: null,
    draft: {
      type: 'policy',
      title: '新乡市人民政府办公室关于印发全面推进新乡市基层政务公开标准化规范化工作实施方案的通知',
      department: 'xinxiang-gov-office',
      topics: ['land-acquisition-compensation', 'rural-dilapidated-housing', 'agricultural-subsidies'],
      regions: ['410700000000'],
      summary:
        '新乡市要求县、乡两级把征地补偿、危房改造、社会救助等26类和群众有关的事列清单公开，并用微信、短信等办法把政策直接送到相关群众手里。',
      policy: {
        // shown in the attachment's file name as "新政办(2020)23号"
        docNumber: '新政办〔2020〕23号',
        writtenOn: '2020-06-02',
        issuer: '新乡市人民政府办公室',
        validity: { status: 'valid' },
        disclosure: 'proactive',
        source: 'corpus/xinxiang-2020-basic-level-standardization.txt',
        unknownFields: ['发布日期'],
      },
    },
  },
  {
    key: 'sanyuan-2017-annual-report',
    file: 'sanyuan-hrss-2017-annual-report.txt',
    // empty 索引号/发布机构/文号/生成日期 template, the page title and the
    // "发布时间… 来源… 字体显示… 阅读" line (lines 1–12)
    skipLines: 12,
    publishedOn: '2018-01-19',
    indexNumber: null,
    draft: {
      type: 'policy',
      title: '三元区人力资源和社会保障局2017年政府信息公开工作年度报告',
      department: 'sanyuan-hrss',
      topics: ['social-insurance', 'employment'],
      regions: ['350404000000'],
      summary:
        '三元区人社局2017年主动公开政府信息12条（历年累计118条），公开社保和基金运行信息176条；全年没有收到信息公开申请，也没有因此引起的复议和诉讼。',
      policy: {
        docNumber: null,
        writtenOn: '2018-01-19',
        issuer: '三元区人力资源和社会保障局',
        validity: { status: 'valid' },
        disclosure: 'proactive',
        source: 'corpus/sanyuan-hrss-2017-annual-report.txt',
        unknownFields: ['文号'],
      },
    },
  },
  {
    key: 'shandong-2019-task-division',
    file: 'shandong-hrss-2019-task-division.txt',
    // the file starts with the document's own heading: no page furniture
    skipLines: 0,
    // 2019年6月28日 is the date the notice is signed; the web publication date is not shown
    publishedOn: '2019-06-28',
    indexNumber: null,
    draft: {
      type: 'policy',
      title: '关于印发贯彻落实2019年山东省政务公开工作要点任务分工的通知',
      department: 'shandong-hrss',
      topics: ['employment-subsidies', 'social-insurance', 'employment'],
      regions: ['370000000000'],
      summary:
        '山东省人社厅分工落实2019年政务公开：公开就业创业补贴的申领条件和程序，定期公开参保人数和社保基金收支，重要政策每年至少解读2次。',
      policy: {
        docNumber: null,
        writtenOn: '2019-06-28',
        issuer: '山东省人力资源和社会保障厅办公室',
        validity: { status: 'valid' },
        disclosure: 'proactive',
        source: 'corpus/shandong-hrss-2019-task-division.txt',
        unknownFields: ['文号', '发布日期'],
      },
    },
  },
]
