export default definePageConfig({
  navigationBarTitleText: '放心消费'
})
