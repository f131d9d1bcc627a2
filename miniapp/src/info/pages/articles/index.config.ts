export default definePageConfig({
  navigationBarTitleText: '维权知识',
  enablePullDownRefresh: true
})
