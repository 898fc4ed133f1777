export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/list/index',
    'pages/search/index',
    'pages/policy/index',
    'pages/interpretation/index',
    'pages/guide/index',
    'pages/me/index',
    'pages/subscriptions/index',
    'pages/inbox/index',
  ],
  subPackages: [
    {
      // 申请公开: the citizen's applications for disclosure, loaded when opened (keeps the main package small).
      root: 'disclosure',
      name: 'disclosure',
      pages: ['pages/apply/index', 'pages/mine/index', 'pages/detail/index'],
    },
    {
      // 互动交流: 留言 and 征求意见 for citizens, loaded when opened (keeps the main package small).
      root: 'interaction',
      name: 'interaction',
      pages: ['pages/index/index', 'pages/write/index', 'pages/mine/index', 'pages/message/index', 'pages/qa/index', 'pages/consultations/index', 'pages/consultation/index'],
    },
    {
      // 工作台: staff only, loaded on demand so citizens never download it.
      root: 'workbench',
      name: 'workbench',
      pages: ['pages/index/index', 'pages/new/index', 'pages/edition/index', 'pages/item/index', 'pages/words/index', 'pages/audit/index', 'pages/staff/index', 'pages/cadence/index', 'pages/compliance/index', 'pages/campaigns/index', 'pages/campaign/index', 'pages/disclosures/index', 'pages/disclosure/index', 'pages/disclosure-report/index', 'pages/calendar/index', 'pages/channels/index', 'pages/messages/index', 'pages/message/index', 'pages/message-stats/index', 'pages/consultations/index', 'pages/consultation/index', 'pages/interaction-settings/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b5162b',
    navigationBarTitleText: '政务公开',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
})
