// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { MerchantId } from '@fangxin/shared'
import './index.css'

/**
 * Home: what 放心消费 is, and a way in by shop code for people who cannot scan.
 * (Search and the shop directory come later; nothing here pretends to offer them.)
 */
export default function IndexPage() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()

  const openShop = () => {
    // The same rule the API applies, so the message matches what the server would say.
    const parsed = MerchantId.safeParse(code)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入店铺编号')
      return
    }
    setError(undefined)
    void Taro.navigateTo({ url: `/pages/merchant/index?id=${encodeURIComponent(parsed.data)}` })
  }

  return (
    <View className='home-page'>
      <View className='home-hero'>
        <Text className='home-title'>放心消费</Text>
        <Text className='home-intro'>扫描店铺张贴的放心消费二维码，或输入店铺编号，查看店铺的公开承诺。</Text>
      </View>

      <CellGroup title='按编号查看店铺'>
        <Cell>
          <Input
            className='shop-code-input'
            name='shopCode'
            placeholder='请输入店铺编号'
            value={code}
            maxLength={32}
            clearable
            confirmType='go'
            onChange={(value) => {
              setCode(value)
              setError(undefined)
            }}
            onConfirm={openShop}
          />
        </Cell>
      </CellGroup>
      {error ? <Text className='home-error'>{error}</Text> : null}

      <View className='home-actions'>
        <Button className='open-shop' type='primary' block onClick={openShop}>
          查看店铺
        </Button>
      </View>
    </View>
  )
}
