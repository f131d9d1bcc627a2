export default definePageConfig({
  navigationBarTitleText: '放心消费店铺',
  enablePullDownRefresh: true
})
