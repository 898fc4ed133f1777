export default definePageConfig({ navigationBarTitleText: '渠道账号' })
