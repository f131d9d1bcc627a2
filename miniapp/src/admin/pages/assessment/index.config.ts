export default definePageConfig({
  navigationBarTitleText: '考核验收',
  enablePullDownRefresh: true
})
