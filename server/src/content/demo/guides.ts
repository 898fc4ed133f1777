import type { ContentDraftInput } from '@zw/shared'

/**
 * 办事指南 demo content. The services are real kinds of service and the legal basis names
 * real national laws and documents (no article numbers); local amounts and standards are
 * not invented: the guides say to follow the figures the local department publishes.
 * Every phone number is a fictional demo number and is marked （演示号码）.
 */
export interface DemoGuide {
  key: string
  /** YYYY-MM-DD (Asia/Shanghai). */
  publishedOn: string
  draft: Extract<ContentDraftInput, { type: 'guide' }>
}

const HOURS = '工作日上午9:00—12:00，下午13:30—17:00（法定节假日除外，以窗口公布时间为准）'
const demoPhone = (areaCode: string, last: string) => `${areaCode}-1234 56${last}（演示号码）`

export const DEMO_GUIDES: DemoGuide[] = [
  // ───────────── 贵阳市人力资源和社会保障局 ─────────────
  {
    key: 'guide-guiyang-startup-subsidy',
    publishedOn: '2021-03-15',
    draft: {
      type: 'guide',
      title: '一次性创业补贴申领',
      department: 'guiyang-hrss',
      topics: ['employment-subsidies', 'employment'],
      regions: ['520100000000'],
      summary: '第一次开店办厂、正常经营满1年的高校毕业生、就业困难人员等，可以申请一次性创业补贴。',
      body: '',
      guide: {
        legalBasis:
          '《中华人民共和国就业促进法》；《国务院关于做好当前和今后一个时期促进就业工作的若干意见》（国发〔2018〕39号）；《财政部 人力资源社会保障部关于印发〈就业补助资金管理办法〉的通知》（财社〔2017〕164号）；贵州省、贵阳市促进就业创业的有关规定。',
        conditions: [
          '首次创办小微企业或从事个体经营，并已依法办理营业执照等登记。',
          '申请人是所创办企业的法定代表人或个体工商户的经营者本人。',
          '申请人是离校2年内的高校毕业生、就业困难人员，或当地规定的其他扶持对象（如返乡创业农民工、退役军人等，以当地公布的范围为准）。',
          '企业或个体工商户自登记注册之日起正常经营1年以上。',
          '申请人以前没有享受过一次性创业补贴。',
        ],
        materials: [
          { name: '《一次性创业补贴申请表》', form: 'original', count: 1, notes: '窗口免费领取，也可网上下载' },
          { name: '申请人居民身份证', form: 'original-and-copy', count: 1 },
          { name: '营业执照', form: 'original-and-copy', count: 1 },
          { name: '身份证明材料（毕业证书或就业困难人员认定证明等）', form: 'copy', count: 1, notes: '按申请人身份提供其一；能通过部门数据共享查到的，不用再交' },
          { name: '正常经营证明（经营场所租赁合同或产权证明、纳税或社保缴费记录等）', form: 'copy', count: 1 },
          { name: '申请人本人社会保障卡或银行卡', form: 'copy', count: 1, notes: '用于发放补贴' },
        ],
        steps: [
          { title: '提出申请', description: '申请人向创业所在地的公共就业服务机构提出申请，可以到窗口办理，也可以先在网上提交材料预审。' },
          { title: '受理', description: '材料齐全的当场受理；材料不全的，工作人员一次性告知需要补充的全部材料。' },
          { title: '审核和实地核查', description: '审核申请人身份和登记信息，到经营场所核实是否正常经营。' },
          { title: '公示', description: '拟发放补贴的名单按规定公示，公示期间可以提出异议。' },
          { title: '发放', description: '公示无异议的，补贴资金直接拨付到申请人本人账户。' },
        ],
        timeLimit: { statutoryDays: 20, promisedDays: 15 },
        fee: { charged: false },
        place: '创业所在区（市、县）公共就业服务机构（就业服务中心）窗口',
        hours: HOURS,
        phone: demoPhone('0851', '01'),
        online: { level: 'partial', entry: '贵州政务服务网（网上预审，窗口核验后办结）' },
        faq: [
          { q: '补贴能领多少钱？', a: '补贴标准由当地按规定确定，请以贵阳市人社部门当年公布的标准为准。' },
          { q: '同一个人可以领几次？', a: '一次性创业补贴每人只能享受一次。' },
          { q: '开业不满1年能先申请吗？', a: '不能。需要自登记注册之日起正常经营满1年以后再申请。' },
          { q: '申请后怎么知道办到哪一步了？', a: '可以在网上查询办理进度，也可以打窗口咨询电话询问。公示无异议后，补贴按程序拨付到本人账户。' },
        ],
        complaintPhone: demoPhone('0851', '99'),
      },
    },
  },
  {
    key: 'guide-guiyang-unemployment-benefit',
    publishedOn: '2021-04-20',
    draft: {
      type: 'guide',
      title: '失业保险金申领',
      department: 'guiyang-hrss',
      topics: ['social-insurance', 'employment'],
      regions: ['520100000000'],
      summary: '缴纳失业保险费满1年、不是自己要求离职并已办理失业登记的人，可以按月领取失业保险金。',
      body: '',
      guide: {
        legalBasis: '《中华人民共和国社会保险法》；《失业保险条例》（国务院令第258号）；《失业保险金申领发放办法》。',
        conditions: [
          '失业前用人单位和本人已经缴纳失业保险费满1年。',
          '非因本人意愿中断就业（例如劳动合同期满终止、被用人单位解除劳动合同等）。',
          '已经办理失业登记，并有求职要求。',
        ],
        materials: [
          { name: '居民身份证或社会保障卡', form: 'original', count: 1 },
          { name: '解除或终止劳动关系的证明', form: 'copy', count: 1, notes: '由原单位出具；能通过数据共享查到的，不用再交' },
          { name: '《失业保险金申领登记表》', form: 'original', count: 1, notes: '窗口现场填写，或网上填报' },
        ],
        steps: [
          { title: '失业登记', description: '到公共就业服务机构窗口或在网上办理失业登记。' },
          { title: '提出申领', description: '在窗口或网上提交失业保险金申领。' },
          { title: '审核', description: '社会保险经办机构核对缴费时间和失业原因，确定领取期限和标准。' },
          { title: '按月发放', description: '审核通过的，失业保险金按月发放到本人社会保障卡或银行账户。' },
        ],
        timeLimit: { statutoryDays: 10, promisedDays: 3 },
        fee: { charged: false },
        place: '参保地社会保险经办机构（就业和社会保险服务窗口）',
        hours: HOURS,
        phone: demoPhone('0851', '02'),
        online: { level: 'full', entry: '国家社会保险公共服务平台、“掌上12333”App、贵州政务服务网' },
        faq: [
          {
            q: '失业保险金能领多长时间？',
            a: '看失业前累计缴费时间：满1年不满5年的，最长领12个月；满5年不满10年的，最长领18个月；10年以上的，最长领24个月。',
          },
          {
            q: '领失业保险金期间，看病的医保怎么办？',
            a: '领取失业保险金期间参加职工基本医疗保险，应当缴纳的基本医疗保险费从失业保险基金中支付，个人不用缴纳。',
          },
          {
            q: '自己辞职能领吗？',
            a: '单纯因个人原因主动辞职的，一般不能领。因用人单位不按约定支付劳动报酬、不依法缴纳社会保险费等原因，劳动者依法解除劳动合同的，属于非本人意愿中断就业，可以申领。',
          },
          {
            q: '找到新工作了怎么办？',
            a: '重新就业的，停止领取失业保险金，请及时告知经办机构。应征服兵役、移居境外、开始领取基本养老保险待遇，或无正当理由拒不接受介绍的适当工作或培训的，也停止领取。',
          },
        ],
        complaintPhone: demoPhone('0851', '99'),
      },
    },
  },

  // ───────────── 山东省人力资源和社会保障厅 ─────────────
  {
    key: 'guide-shandong-internship-subsidy',
    publishedOn: '2022-05-16',
    draft: {
      type: 'guide',
      title: '高校毕业生就业见习补贴申领',
      department: 'shandong-hrss',
      topics: ['employment-subsidies', 'employment'],
      regions: ['370000000000'],
      summary: '接收离校2年内未就业高校毕业生等青年参加就业见习的见习单位，可以申请就业见习补贴。',
      body: '',
      guide: {
        legalBasis:
          '《中华人民共和国就业促进法》；《财政部 人力资源社会保障部关于印发〈就业补助资金管理办法〉的通知》（财社〔2017〕164号）；山东省促进高校毕业生等青年就业的有关规定。',
        conditions: [
          '申请单位是经人力资源社会保障部门认定的就业见习基地（单位）。',
          '接收离校2年内未就业的高校毕业生（或当地规定范围内的失业青年）参加就业见习。',
          '与见习人员签订见习协议，见习期一般为3至12个月。',
          '按时足额向见习人员发放基本生活费，并为其办理人身意外伤害保险。',
        ],
        materials: [
          { name: '《就业见习补贴申请表》', form: 'original', count: 1, notes: '加盖单位公章' },
          { name: '见习协议', form: 'copy', count: 1 },
          { name: '见习人员名单及身份证、毕业证书', form: 'copy', count: 1 },
          { name: '见习人员基本生活费发放凭证（银行代发记录等）', form: 'copy', count: 1 },
          { name: '人身意外伤害保险缴费凭证', form: 'copy', count: 1 },
          { name: '单位银行账户信息', form: 'copy', count: 1 },
        ],
        steps: [
          { title: '提出申请', description: '见习单位按当地规定的时间，向所在地公共就业和人才服务机构提交申请。' },
          { title: '审核', description: '核对见习人员身份、见习协议、生活费发放和保险办理情况。' },
          { title: '公示', description: '审核通过的补贴名单按规定公示。' },
          { title: '拨付', description: '公示无异议的，补贴资金拨付到见习单位的银行账户。' },
        ],
        timeLimit: { statutoryDays: 20, promisedDays: 15 },
        fee: { charged: false },
        place: '见习基地（单位）所在地公共就业和人才服务机构',
        hours: HOURS,
        phone: demoPhone('0531', '03'),
        online: { level: 'partial', entry: '“爱山东”政务服务平台（网上申报，核验材料后办结）' },
        faq: [
          { q: '补贴发给谁？用来做什么？', a: '补贴发给见习单位，主要用于支付见习人员基本生活费、办理人身意外伤害保险和带教管理等。具体标准以当地公布的为准。' },
          { q: '毕业生个人能直接申请补贴吗？', a: '不能，补贴由见习单位申请。毕业生个人可以到公共就业和人才服务机构报名参加见习。' },
          { q: '见习期没满就把见习人员正式留用了，还能领补贴吗？', a: '按当地规定执行。一般情况下，见习期未满与见习人员签订劳动合同的，可以按规定领取剩余期限的见习补贴。' },
          { q: '见习协议要写明什么？', a: '写明见习岗位、见习期限、基本生活费标准、人身意外伤害保险以及双方的权利和义务。' },
        ],
        complaintPhone: demoPhone('0531', '99'),
      },
    },
  },
  {
    key: 'guide-shandong-land-loss-farmers',
    publishedOn: '2022-08-01',
    draft: {
      type: 'guide',
      title: '被征地农民社会保障（养老保险缴费补贴）申请',
      department: 'shandong-hrss',
      topics: ['land-acquisition-compensation', 'social-insurance'],
      regions: ['370000000000'],
      summary: '承包地被依法征收的农民，经审核公示后，可以按规定享受养老保险缴费补贴。',
      body: '',
      guide: {
        legalBasis:
          '《中华人民共和国土地管理法》；《中华人民共和国社会保险法》；《国务院办公厅转发劳动保障部关于做好被征地农民就业培训和社会保障工作指导意见的通知》（国办发〔2006〕29号）；山东省被征地农民社会保障的有关规定。',
        conditions: [
          '经依法批准征收农村集体土地，申请人是被征收土地的农村集体经济组织成员，并享有被征收土地的承包经营权。',
          '列入被征地农民社会保障对象名单，并经公示无异议。',
          '按规定参加城乡居民基本养老保险或职工基本养老保险。',
        ],
        materials: [
          { name: '居民身份证、户口簿', form: 'original-and-copy', count: 1 },
          { name: '《被征地农民社会保障对象审核表》', form: 'original', count: 1, notes: '由村委会、乡镇（街道）签署意见' },
          { name: '征地批复、征地补偿安置协议等证明', form: 'copy', count: 1, notes: '一般由村集体或乡镇（街道）统一提供，个人不用另找' },
          { name: '社会保障卡', form: 'copy', count: 1 },
        ],
        steps: [
          { title: '拟定名单', description: '村集体经济组织根据征地补偿安置方案，核实被征地农户和人员，拟定社会保障对象名单。' },
          { title: '村内公示', description: '名单在村内公示，村民可以在公示期内提出异议。' },
          { title: '乡镇审核', description: '乡镇人民政府（街道办事处）审核名单和材料后报县级部门。' },
          { title: '县级审核确认', description: '县（市、区）人力资源社会保障部门会同自然资源等部门审核确认。' },
          { title: '落实补贴', description: '被征地农民的社会保障费用按规定用于养老保险缴费补贴，记入本人养老保险个人账户（具体办法以当地规定为准）。' },
        ],
        timeLimit: { statutoryDays: 20, promisedDays: 15 },
        fee: { charged: false },
        place: '被征收土地所在县（市、区）社会保险经办机构；名单和材料由村委会、乡镇（街道）统一报送',
        hours: HOURS,
        phone: demoPhone('0531', '04'),
        online: { level: 'info', entry: '“爱山东”政务服务平台（政策查询、表格下载）' },
        faq: [
          { q: '征地补偿款和社会保障费用是一回事吗？', a: '不是。征收土地要依法足额支付土地补偿费、安置补助费以及农村村民住宅、其他地上附着物和青苗等的补偿费用，另外还要安排被征地农民的社会保障费用。' },
          { q: '社会保障费用用来做什么？', a: '主要用于符合条件的被征地农民的养老保险等社会保险缴费补贴。' },
          { q: '对名单有意见怎么办？', a: '在公示期内向村委会或乡镇（街道）反映，也可以拨打监督投诉电话。' },
          { q: '已经参加了城乡居民养老保险，还要重新参保吗？', a: '不用重新参保，补贴按当地规定记入已有的养老保险个人账户。' },
        ],
        complaintPhone: demoPhone('0531', '99'),
      },
    },
  },

  // ───────────── 三明市三元区人力资源和社会保障局 ─────────────
  {
    key: 'guide-sanyuan-rural-urban-pension',
    publishedOn: '2022-09-01',
    draft: {
      type: 'guide',
      title: '城乡居民基本养老保险参保登记',
      department: 'sanyuan-hrss',
      topics: ['social-insurance', 'elderly-care'],
      regions: ['350404000000'],
      summary: '年满16周岁、没有参加职工养老保险的城乡居民（在校学生除外），可以在户籍地参加城乡居民养老保险。',
      body: '',
      guide: {
        legalBasis: '《中华人民共和国社会保险法》；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）；福建省城乡居民基本养老保险的有关规定。',
        conditions: [
          '年满16周岁（不含在校学生）。',
          '不是国家机关和事业单位工作人员，也不属于职工基本养老保险制度覆盖的人员。',
          '在户籍所在地参保。',
        ],
        materials: [
          { name: '居民身份证或户口簿', form: 'original', count: 1 },
          { name: '《城乡居民基本养老保险参保登记表》', form: 'original', count: 1, notes: '窗口免费领取，也可以在村（社区）代办点填写' },
        ],
        steps: [
          { title: '提出申请', description: '本人（或家人代办）带上材料，到户籍所在地乡镇（街道）社会保障服务窗口或村（社区）代办点办理，也可以在手机上办理。' },
          { title: '核对信息', description: '工作人员核对身份信息，查询是否已经参加其他基本养老保险。' },
          { title: '登记', description: '录入系统，完成参保登记。' },
          { title: '缴费', description: '选择缴费档次，按年缴费。' },
        ],
        timeLimit: { statutoryDays: 5, promisedDays: 1 },
        fee: { charged: false },
        place: '户籍所在地乡镇（街道）社会保障服务窗口，或村（社区）代办点',
        hours: HOURS,
        phone: demoPhone('0598', '05'),
        online: { level: 'full', entry: '“闽政通”App、国家社会保险公共服务平台' },
        faq: [
          { q: '多大年纪能领养老金？', a: '年满60周岁、累计缴费满15年，并且没有领取国家规定的基本养老保障待遇的，可以按月领取城乡居民养老保险待遇。' },
          { q: '每年交多少钱？', a: '设有多个缴费档次，由参保人自己选择，多缴多得，政府对参保人缴费给予补贴。各档次金额以当地公布的为准。' },
          { q: '已经在外地单位参加了职工养老保险，还能参加吗？', a: '不能重复参加。已经参加职工基本养老保险的，不再参加城乡居民养老保险；两种保险可以按规定转移衔接。' },
          { q: '家里老人行动不便，怎么办？', a: '家人可以带上老人的身份证或户口簿代为办理，也可以找村（社区）代办员帮忙办理。' },
        ],
        complaintPhone: demoPhone('0598', '99'),
      },
    },
  },

  // ───────────── 银川市民政局 ─────────────
  {
    key: 'guide-yinchuan-temporary-assistance',
    publishedOn: '2022-03-01',
    draft: {
      type: 'guide',
      title: '临时救助申请',
      department: 'yinchuan-civil-affairs',
      topics: ['social-assistance'],
      regions: ['640100000000'],
      summary: '因意外事件、突发重病等原因，基本生活一时出现严重困难的家庭或个人，可以申请临时救助。',
      body: '',
      guide: {
        legalBasis: '《社会救助暂行办法》（国务院令第649号）；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；宁夏回族自治区、银川市临时救助的有关规定。',
        conditions: [
          '因火灾、交通事故等意外事件，或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭。',
          '因生活必需支出突然增加，超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭。',
          '遭遇其他特殊困难的家庭或个人。',
        ],
        materials: [
          { name: '《临时救助申请书》', form: 'original', count: 1, notes: '不会写的，可以请窗口工作人员或村（社区）帮助填写' },
          { name: '居民身份证、户口簿', form: 'original-and-copy', count: 1 },
          { name: '造成困难的证明（如医疗费用票据、火灾或事故证明等）', form: 'copy', count: 1 },
          { name: '家庭经济状况核对授权书', form: 'original', count: 1, notes: '授权民政部门核对家庭收入和财产' },
        ],
        steps: [
          { title: '提出申请', description: '向户籍所在地或居住地乡镇人民政府（街道办事处）提出申请；本人有困难的，可以委托村（居）民委员会代为提出。' },
          { title: '审核', description: '乡镇（街道）通过入户调查、信息核对等方式核实困难情况，并在村（社区）公示。' },
          { title: '审批', description: '县级民政部门（或按规定由乡镇、街道）作出审批决定；不符合条件的，书面说明理由。' },
          { title: '发放', description: '发放救助金或实物。情况紧急的，可以先行救助，事后补齐手续。' },
        ],
        timeLimit: { statutoryDays: 20, promisedDays: 10 },
        fee: { charged: false },
        place: '户籍所在地或居住地乡镇人民政府（街道办事处）社会救助窗口',
        hours: HOURS,
        phone: demoPhone('0951', '06'),
        online: { level: 'partial', entry: '“我的宁夏”App（网上申请，入户核实后办结）' },
        faq: [
          { q: '不是银川户籍，在银川遇到急难能申请吗？', a: '可以。在本地遭遇急难的非本地户籍人员，可以向当地乡镇人民政府（街道办事处）或县级民政部门求助。' },
          { q: '情况很急，等不及审批怎么办？', a: '情况紧急的，可以先行救助，事后再补齐材料和手续。' },
          { q: '临时救助能给多少？', a: '根据困难的类型和程度确定，救助标准以银川市公布的为准。' },
          { q: '公示的时候会不会把我家的隐私公开出去？', a: '公示时会做去标识化处理，不公开身份证号码、住址、病情等个人隐私信息。' },
        ],
        complaintPhone: demoPhone('0951', '99'),
      },
    },
  },
  {
    key: 'guide-yinchuan-minimum-living-allowance',
    publishedOn: '2022-03-01',
    draft: {
      type: 'guide',
      title: '最低生活保障申请',
      department: 'yinchuan-civil-affairs',
      topics: ['social-assistance'],
      regions: ['640100000000'],
      summary: '共同生活的家庭成员人均收入低于当地低保标准、家庭财产也符合规定的，可以申请最低生活保障。',
      body: '',
      guide: {
        legalBasis: '《社会救助暂行办法》（国务院令第649号）；《最低生活保障审核确认办法》（民发〔2021〕57号）；宁夏回族自治区、银川市最低生活保障的有关规定。',
        conditions: [
          '共同生活的家庭成员人均收入低于当地最低生活保障标准。',
          '家庭财产状况符合当地规定。',
          '以家庭为单位申请，由共同生活的家庭成员之一作为申请人。',
        ],
        materials: [
          { name: '《最低生活保障申请书》', form: 'original', count: 1 },
          { name: '家庭成员居民身份证、户口簿', form: 'original-and-copy', count: 1 },
          { name: '家庭经济状况核对授权书', form: 'original', count: 1, notes: '共同生活的家庭成员签字，授权核对收入和财产' },
          { name: '家庭收入和财产状况书面声明', form: 'original', count: 1 },
          { name: '残疾证、病历等特殊情况证明', form: 'copy', count: 1, notes: '有的才提供' },
        ],
        steps: [
          { title: '提出申请', description: '向户籍所在地乡镇人民政府（街道办事处）提出申请；本人有困难的，可以委托村（居）民委员会代为提出。' },
          { title: '家庭经济状况调查', description: '通过入户调查、邻里访问、信息核对等方式，核实家庭收入和财产。' },
          { title: '公示', description: '审核意见在申请人所在村（社区）公示7天。' },
          { title: '审核确认', description: '作出确认决定；不符合条件的，书面告知理由。' },
          { title: '发放', description: '符合条件的，按月发放最低生活保障金。' },
        ],
        timeLimit: { statutoryDays: 30, promisedDays: 20 },
        fee: { charged: false },
        place: '户籍所在地乡镇人民政府（街道办事处）社会救助窗口',
        hours: HOURS,
        phone: demoPhone('0951', '07'),
        online: { level: 'partial', entry: '“我的宁夏”App（网上申请，入户调查后办结）' },
        faq: [
          { q: '低保标准是多少？', a: '低保标准由当地政府确定并向社会公布，请以银川市公布的最新标准为准。' },
          { q: '公示会公开哪些内容？', a: '一般公示申请人姓名、家庭人口、拟保障金额等，不公开身份证号码、住址等个人隐私信息。' },
          { q: '对结果有意见怎么办？', a: '可以向审核确认机关反映，也可以依法申请行政复议或提起行政诉讼。' },
          { q: '领了低保以后要注意什么？', a: '家庭人口、收入、财产发生变化的，要及时告诉乡镇（街道）；民政部门会定期复核。' },
        ],
        complaintPhone: demoPhone('0951', '99'),
      },
    },
  },
  {
    key: 'guide-yinchuan-senior-card',
    publishedOn: '2022-06-01',
    draft: {
      type: 'guide',
      title: '老年人优待证办理',
      department: 'yinchuan-civil-affairs',
      topics: ['elderly-care'],
      regions: ['640100000000'],
      summary: '年满60周岁的老年人可以办理老年人优待证，凭证享受当地规定的优待。',
      body: '',
      guide: {
        legalBasis: '《中华人民共和国老年人权益保障法》；宁夏回族自治区、银川市老年人优待的有关规定。',
        conditions: ['年满60周岁。', '具有银川市户籍，或在银川市居住（非本市户籍老年人按当地规定办理）。'],
        materials: [
          { name: '居民身份证', form: 'original', count: 1 },
          { name: '近期免冠照片', form: 'original', count: 1, notes: '1张；也可以现场拍照' },
        ],
        steps: [
          { title: '提出申请', description: '本人或家人带上材料，到居住地乡镇（街道）便民服务中心或社区办理，也可以在手机上申请。' },
          { title: '核验', description: '工作人员核对年龄和户籍（居住）信息。' },
          { title: '制证发放', description: '制作优待证，通知本人领取。' },
        ],
        timeLimit: { statutoryDays: 5, promisedDays: 1 },
        fee: { charged: false },
        place: '户籍所在地或居住地乡镇（街道）便民服务中心、社区服务站',
        hours: HOURS,
        phone: demoPhone('0951', '08'),
        online: { level: 'partial', entry: '“我的宁夏”App（网上申请，到窗口领证）' },
        faq: [
          { q: '优待证有什么用？', a: '凭证享受当地规定的优待项目，例如公园、景区门票减免，乘坐公共交通优惠等。具体项目以银川市公布的为准。' },
          { q: '家人可以帮忙代办吗？', a: '可以。代办人带上老人的身份证和自己的身份证办理。' },
          { q: '优待证丢了怎么办？', a: '可以到原办理地点申请补办。' },
        ],
        complaintPhone: demoPhone('0951', '99'),
      },
    },
  },

  // ───────────── 新乡市人民政府办公室（发布；县、乡两级具体办理） ─────────────
  {
    key: 'guide-xinxiang-rural-housing-renovation',
    publishedOn: '2021-05-10',
    draft: {
      type: 'guide',
      title: '农村危房改造补助申请',
      department: 'xinxiang-gov-office',
      topics: ['rural-dilapidated-housing', 'rural-revitalisation'],
      regions: ['410700000000'],
      summary: '住房是危房、靠自己又无力解决的农村低收入家庭，可以申请农村危房改造补助。',
      body: '',
      guide: {
        legalBasis: '《中华人民共和国乡村振兴促进法》；国家和河南省关于农村危房改造（农村低收入群体等重点对象住房安全保障）的有关政策规定。',
        conditions: [
          '属于农村低保户、农村分散供养特困人员、低保边缘家庭，或因病因灾因意外事故导致基本生活出现严重困难的家庭等农村低收入群体（以当地确定的保障对象为准）。',
          '现住房经鉴定为C级或D级危房。',
          '依靠自身力量无法解决住房安全问题。',
          '以前没有享受过农村住房保障政策支持（按当地规定）。',
        ],
        materials: [
          { name: '《农村危房改造申请书》', form: 'original', count: 1 },
          { name: '户主居民身份证、户口簿', form: 'original-and-copy', count: 1 },
          { name: '低收入群体身份证明', form: 'copy', count: 1, notes: '能通过民政等部门数据共享查到的，不用再交' },
          { name: '宅基地或房屋权属证明', form: 'copy', count: 1 },
          { name: '社会保障卡或惠民惠农财政补贴“一卡通”', form: 'copy', count: 1, notes: '用于发放补助资金' },
        ],
        steps: [
          { title: '农户申请', description: '户主向所在村委会提出书面申请。' },
          { title: '村评议公示', description: '村民代表评议，结果在村内公示。' },
          { title: '乡镇审核', description: '乡镇人民政府审核，并组织房屋安全鉴定。' },
          { title: '县级审批', description: '县（市、区）住房城乡建设部门会同有关部门审批，结果公示。' },
          { title: '改造和验收', description: '签订改造协议，按要求改造；完工后组织竣工验收。' },
          { title: '发放补助', description: '验收合格后，补助资金通过“一卡通”等直接发放到农户账户。' },
        ],
        timeLimit: { statutoryDays: 20, promisedDays: 15 },
        fee: { charged: false },
        place: '户籍所在村委会受理，乡镇人民政府审核，县（市、区）住房城乡建设部门审批',
        hours: HOURS,
        phone: demoPhone('0373', '09'),
        online: { level: 'info', entry: '“豫事办”App（政策查询）' },
        faq: [
          { q: 'C级、D级危房是什么意思？', a: 'C级是房屋局部有危险，D级是整栋房屋有危险。是否属于危房，由专业人员上门鉴定。' },
          { q: '补助多少钱？', a: '按危房等级和改造方式确定，标准以当地公布的为准。' },
          { q: '办理时限包括施工时间吗？', a: '不包括。20个工作日是审核审批的时限，不含房屋改造施工和验收的时间。' },
          { q: '审批结果怎么通知我？', a: '结果会在村内公示；当地还会通过微信、短信等方式把危房改造信息精准推送给相关农户。' },
        ],
        complaintPhone: demoPhone('0373', '99'),
      },
    },
  },
  {
    key: 'guide-xinxiang-farmland-subsidy',
    publishedOn: '2021-04-01',
    draft: {
      type: 'guide',
      title: '耕地地力保护补贴申领',
      department: 'xinxiang-gov-office',
      topics: ['agricultural-subsidies'],
      regions: ['410700000000'],
      summary: '拥有耕地承包权的种地农民，按实际用于农业生产的耕地面积领取耕地地力保护补贴。',
      body: '',
      guide: {
        legalBasis: '《中华人民共和国农业法》；《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）；河南省耕地地力保护补贴的有关规定。',
        conditions: [
          '补贴对象原则上为拥有耕地承包权的种地农民。',
          '补贴面积为实际用于农业生产的耕地。已作为畜牧养殖场使用的耕地、林地、成片粮田转为设施农业用地、非农业征（占）用耕地等已改变用途的耕地，以及长年抛荒地，不纳入补贴范围。',
        ],
        materials: [
          { name: '居民身份证', form: 'copy', count: 1 },
          { name: '土地承包经营权证或承包合同', form: 'copy', count: 1 },
          { name: '惠民惠农财政补贴“一卡通”或社会保障卡', form: 'copy', count: 1, notes: '用于发放补贴' },
        ],
        steps: [
          { title: '申报核实', description: '村组核实农户承包耕地面积和实际种植情况，农户签字确认。' },
          { title: '村内公示', description: '补贴面积和金额在村内公示，有异议的在公示期内提出。' },
          { title: '审核', description: '乡镇人民政府审核，县级农业农村、财政部门汇总审核。' },
          { title: '发放', description: '补贴资金通过“一卡通”直接发放到农户账户。' },
        ],
        timeLimit: { statutoryDays: 30, promisedDays: 20 },
        fee: { charged: false },
        place: '户籍所在村委会（申报），乡镇人民政府农业服务机构（审核）',
        hours: HOURS,
        phone: demoPhone('0373', '10'),
        online: { level: 'info', entry: '“豫事办”App（政策和补贴发放查询）' },
        faq: [
          { q: '地流转给别人种了，补贴给谁？', a: '补贴对象原则上是拥有耕地承包权的种地农民；土地流转的，按当地规定和流转合同的约定执行。' },
          { q: '地撂荒了还有补贴吗？', a: '没有。长年抛荒地不纳入补贴范围。' },
          { q: '怎么知道补贴到账没有？', a: '可以查询“一卡通”账户，或向村委会、乡镇询问；补贴发放信息会在村内公示，当地也会通过短信等方式推送涉农补贴信息。' },
        ],
        complaintPhone: demoPhone('0373', '99'),
      },
    },
  },
]
