export default definePageConfig({ navigationBarTitleText: '错敏词表' })
