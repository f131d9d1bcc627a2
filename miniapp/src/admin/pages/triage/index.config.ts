export default definePageConfig({
  navigationBarTitleText: '监管工作台',
  enablePullDownRefresh: true
})
