export default definePageConfig({
  navigationBarTitleText: '创建工作通报',
  enablePullDownRefresh: true
})
