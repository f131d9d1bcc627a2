export default definePageConfig({
  navigationBarTitleText: '考核评分表',
  enablePullDownRefresh: true
})
