import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Input, Switch } from '@nutui/nutui-react-taro'
import { CampaignStrip } from '@/components/campaign-strip'
import { PAGES } from '@/lib/navigation'
import { checkShopCode } from '@/lib/shop-id'
import { clearSession, describeRoles, isMerchantUser, isStaffUser, useSession } from '@/lib/session'
import { useText } from '@/lib/use-text'
import { setLargeText, useFontScale, useScaledRoot } from '@/components/font-scale'
import './index.css'

const open = (url: string) => void Taro.navigateTo({ url })

/**
 * Home: what 放心消费 is, a way in by shop code for people who cannot scan, the directory of 放心消费 shops,
 * the person's own complaints, who is signed in, the way for a shop to join (申请参创, 绑定店铺), and — for
 * merchants and bureau staff — the way to their workbench.
 */
export default function IndexPage() {
  const session = useSession()
  const user = session?.user
  const [error, setError] = useState<string>()
  const [code, setCode] = useText(() => setError(undefined))
  const root = useScaledRoot('home-page')
  const { largeText } = useFontScale()

  const openShop = () => {
    // The same rule the API applies, so the message matches what the server would say.
    const checked = checkShopCode(code)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    setError(undefined)
    void Taro.navigateTo({ url: `/pages/merchant/index?id=${encodeURIComponent(checked.id)}` })
  }

  return (
    <View {...root}>
      <View className='home-hero'>
        <Text className='home-title'>放心消费</Text>
        <Text className='home-intro'>扫描店铺张贴的放心消费二维码，或输入店铺编号，查看店铺的公开承诺。</Text>
      </View>

      {/* 适老化: for people whose phone is on the standard font size; a larger WeChat setting applies by itself. */}
      <CellGroup>
        <Cell
          className={`large-text-toggle${largeText ? ' large-text-toggle--on' : ''}`}
          title='大字模式'
          description='文字和按钮更大，看得清、点得准'
          clickable
          onClick={() => setLargeText(!largeText)}
          extra={<Switch className='large-text-switch' checked={largeText} />}
        />
      </CellGroup>

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
            onChange={setCode}
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

      <CampaignStrip />

      <CellGroup title='找店铺'>
        <Cell
          className='entry-directory'
          title='放心消费店铺'
          description='按行业、乡镇（街道）、区域查找参创店铺和示范店铺'
          clickable
          onClick={() => open(PAGES.directory)}
        />
      </CellGroup>

      <CellGroup title='维权知识'>
        <Cell className='entry-quiz' title='法律法规知晓率测试' description='答题了解消费者权益保护法等法律，错题附法条依据' clickable onClick={() => open(PAGES.quiz)} />
        <Cell className='entry-survey' title='消费环境满意度测评' description='为本县放心消费创建打分（社会测评）' clickable onClick={() => open(PAGES.survey)} />
      </CellGroup>

      <CellGroup title='我的'>
        <Cell
          className='entry-my-complaints'
          title='我的投诉'
          description='查看投诉的处理进度、答复商家的方案'
          clickable
          onClick={() => open(PAGES.myComplaints)}
        />
        {user ? (
          <Cell
            className='entry-current-user'
            title={`当前身份：${user.displayName}`}
            description={describeRoles(user)}
            extra={
              <Button className='sign-out' size='small' fill='outline' onClick={clearSession}>
                退出登录
              </Button>
            }
          />
        ) : (
          <Cell
            className='entry-login'
            title='登录'
            description='登录后可投诉和查看进度'
            clickable
            onClick={() => open(PAGES.login)}
          />
        )}
        {user && process.env.TARO_ENV === 'h5' ? (
          // The H5 preview signs in as demo people; in WeChat there is only the one account.
          <Cell
            className='entry-switch-user'
            title='切换身份'
            clickable
            onClick={() => open(PAGES.login)}
          />
        ) : null}
      </CellGroup>

      {user ? (
        <CellGroup title='商户'>
          <Cell
            className='entry-apply'
            title='商户申请参创'
            description='经营者申请加入放心消费创建，经市场监管部门审核后公示'
            clickable
            onClick={() => open(PAGES.merchantApply)}
          />
          <Cell
            className='entry-bind'
            title='绑定店铺'
            description='输入市场监管部门或店主发给您的 8 位绑定码'
            clickable
            onClick={() => open(PAGES.merchantBind)}
          />
        </CellGroup>
      ) : null}

      {user ? (
        // Station staff (投诉站) join with the office's binding code; once joined, their workbench.
        <CellGroup title='投诉站'>
          {user.roles.station ? (
            <Cell className='entry-station-workbench' title='投诉站工作台' description='代消费者登记投诉、台账、电话回访' clickable onClick={() => open(PAGES.stationHome)} />
          ) : (
            <Cell className='entry-join-station' title='加入投诉站' description='投诉站工作人员：输入县联席会议办公室或市场监管所发给您的绑定码' clickable onClick={() => open(PAGES.stationJoin)} />
          )}
        </CellGroup>
      ) : null}

      {isMerchantUser(user) || isStaffUser(user) ? (
        <CellGroup title='工作台'>
          {isMerchantUser(user) ? (
            <Cell
              className='entry-merchant-workbench'
              title='商家工作台'
              description='处理顾客对本店的投诉'
              clickable
              onClick={() => open(PAGES.merchantQueue)}
            />
          ) : null}
          {isStaffUser(user) ? (
            <Cell
              className='entry-staff-workbench'
              title='监管工作台'
              description='受理、调解转交到监管部门的投诉'
              clickable
              onClick={() => open(PAGES.triage)}
            />
          ) : null}
          {isStaffUser(user) ? (
            <Cell className='entry-campaign-admin' title='知晓率测试与满意度测评' description='发布本期测试和问卷，查看测评结果' clickable onClick={() => open(PAGES.campaignAdmin)} />
          ) : null}
        </CellGroup>
      ) : null}
    </View>
  )
}
