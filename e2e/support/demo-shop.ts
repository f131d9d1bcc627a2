/** The demo shop's commitments as its page lists them (scripts/demo: 城关百货's choices, in catalogue order). */
export const DEMO_SHOP_COMMITMENT_TITLES = ['商品质量承诺', '首问负责', '先行赔付', '三包', '明码标价 · 明码实价', '15天线下无理由退货'];
