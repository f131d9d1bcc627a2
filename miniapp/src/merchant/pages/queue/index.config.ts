export default definePageConfig({
  navigationBarTitleText: '商家工作台',
  enablePullDownRefresh: true
})
