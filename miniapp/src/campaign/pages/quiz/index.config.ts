export default definePageConfig({
  navigationBarTitleText: '法律法规知晓率测试'
})
