export default definePageConfig({
  navigationBarTitleText: '消费环境满意度测评'
})
