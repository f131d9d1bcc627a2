export default definePageConfig({
  navigationBarTitleText: '投诉站工作台',
  enablePullDownRefresh: true
})
