// Stands in for a module the H5 build leaves out on purpose (see h5Chain in index.ts).
module.exports = {}
