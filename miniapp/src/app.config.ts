export default defineAppConfig({
  // The main package holds only what a consumer needs after scanning a shop's code.
  pages: [
    'pages/index/index',
    'pages/merchant/index'
  ],
  // Role areas come as subpackages, one per role, never imported by the main package or each other:
  // `subPackages: [{ root: 'merchant', pages: [...] }, { root: 'admin', pages: [...] }]`, folders src/merchant
  // and src/admin.
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '放心消费',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7'
  }
})
