export default definePageConfig({
  navigationBarTitleText: '召回与退市信息',
  enablePullDownRefresh: true
})
