import { rulebooks, rulebookVersion } from '@aftersales/contracts';
import { moderateText } from './moderate-text';
import { compiledModeration, firstModerationMatch } from './moderation-matcher';

/**
 * The moderation table: real-looking review texts, both ways. Every held text names the rule that must match it;
 * every passing text carries numbers or words a naive pattern would mistake for contact details or links.
 */
const V5 = '2026-12-v5';
const rules = rulebookVersion(V5)!.moderation!;

const mustHold: ReadonlyArray<readonly [text: string, ruleId: string]> = [
  // phone numbers
  ['质量不错，有问题打13800138000找我', 'moderation.contact_details.cn_mobile'],
  ['东西一般，想要更多款式联系 138-0013-8000', 'moderation.contact_details.cn_mobile'],
  ['手机号 138 0013 8000 微信同号', 'moderation.contact_details.cn_mobile'],
  ['+86 139 1234 5678 call me for wholesale', 'moderation.contact_details.cn_mobile'],
  ['8613912345678 专业代购', 'moderation.contact_details.cn_mobile'],
  ['电话：１３９１２３４５６７８（全角也要拦）', 'moderation.contact_details.cn_mobile'],
  ['号码一三九一二三四五六七八，随时打', 'moderation.contact_details.cn_mobile'],
  ['客服不回，打我座机 0571-88886666', 'moderation.contact_details.phone'],
  ['Great lamp. Questions? Call me at 415 555 0132', 'moderation.contact_details.phone'],
  ['有事致电 020 8765 4321', 'moderation.contact_details.phone'],
  ['1 3 8 0 0 1 3 8 0 0 0 拆开写也是号码', 'moderation.contact_details.cn_mobile'],
  ['手机：139\u200b1234\u200b5678', 'moderation.contact_details.cn_mobile'],
  // WeChat
  ['想要同款的加我微信：abc_shop88', 'moderation.contact_details.wechat'],
  ['VX: lamp2026 便宜出', 'moderation.contact_details.wechat'],
  ['v信 lucky8888 有优惠', 'moderation.contact_details.wechat'],
  ['wx号是 cheaplamps 欢迎来问', 'moderation.contact_details.wechat'],
  ['威信 zhang_san99 私聊', 'moderation.contact_details.wechat'],
  ['微 信：hello_2026', 'moderation.contact_details.wechat'],
  ['My WeChat id is lamp_lover_01, add me', 'moderation.contact_details.wechat'],
  ['ＶＸ：ｍｏｏｎ２０２６', 'moderation.contact_details.wechat'],
  // QQ
  ['QQ号 123456789 拉你进群', 'moderation.contact_details.qq'],
  ['有需要的加qq：88886666', 'moderation.contact_details.qq'],
  ['扣扣 2233445566 找我', 'moderation.contact_details.qq'],
  ['qq群 654321987 内部价', 'moderation.contact_details.qq'],
  // e-mail
  ['做工很好，合作发邮件 sales.team@lamp-shop.com', 'moderation.contact_details.email'],
  ['有问题邮箱 123456@qq.com', 'moderation.contact_details.email'],
  ['email me: lampfan (at) gmail (dot) com', 'moderation.contact_details.email'],
  ['联系 lampfan 艾特 163 点 com', 'moderation.contact_details.email'],
  ['write to lampfan at gmail dot com for a discount', 'moderation.contact_details.email'],
  ['邮箱：ｌａｍｐ＠ｆｏｏ．ｃｎ', 'moderation.contact_details.email'],
  // links
  ['更便宜的看这里 https://cheap-lamps.example.com/item?id=1', 'moderation.link.url'],
  ['http://t.cn/A6xYz9 点开有惊喜', 'moderation.link.url'],
  ['访问 www.cheaplamps.cn 全场五折', 'moderation.link.url'],
  ['同款在 cheaplamps.com 只要一半价格', 'moderation.link.domain'],
  ['m.tb.cn/h.5xYz 领券', 'moderation.link.domain'],
  ['上 cheaplamps 点 com 看看', 'moderation.link.domain'],
  ['￥AbC1dEf2GhI￥ 复制打开淘宝', 'moderation.link.share_code'],
  ['$Xy12AbCd34$ 长按复制', 'moderation.link.share_code'],
  ['复制这段内容后打开手机淘宝即可领取', 'moderation.link.share_code'],
  // advertising
  ['需要同款的私聊我，价格美丽', 'moderation.advertising.solicitation'],
  ['想要更便宜的加我', 'moderation.advertising.solicitation'],
  ['私聊拿货，比店里便宜一半', 'moderation.advertising.solicitation'],
  ['招代理，一件代发，日赚三百', 'moderation.advertising.solicitation'],
  ['兼职刷单，日结', 'moderation.advertising.solicitation'],
  ['DM me for the same lamp at half price', 'moderation.advertising.solicitation'],
  ['wholesale price available, contact me', 'moderation.advertising.solicitation'],
  // another shop's promotion
  ['同样的灯去阳光灯饰店买便宜一半', 'moderation.other_shop_promotion.go_to_shop'],
  ['大家搜小美家居旗舰店，同款更便宜', 'moderation.other_shop_promotion.go_to_shop'],
  ['推荐星光小铺同款，质量更好', 'moderation.other_shop_promotion.go_to_shop'],
  ['同款在阿花的店有，便宜二十', 'moderation.other_shop_promotion.go_to_shop'],
  ['Go to Bright Home store instead, cheaper and faster', 'moderation.other_shop_promotion.go_to_shop'],
  // private information
  ['收货人身份证 110101199003071234 被印在了快递单上', 'moderation.private_information.id_card'],
  ['我的身份证号：44030519851231002X', 'moderation.private_information.id_card'],
  ['寄到北京市朝阳区建国路88号，电话13800138000', 'moderation.private_information.address'],
  ['地址是杭州市西湖区文三路199号3单元502室', 'moderation.private_information.address'],
  ['收货地址：幸福小区12栋', 'moderation.private_information.address'],
  ['My address is 42 Maple Grove Street, come pick it up', 'moderation.private_information.address'],
  ['退款打到银行卡 6222021234567890123', 'moderation.private_information.bank_card'],
];

const mustPass: readonly string[] = [
  // prices
  '¥199 买到这个质量，值了',
  '199元入手，比实体店便宜',
  '原价1,299，活动价999.00',
  '活动价 ￥ 89.9，包邮',
  'Paid $24.99, worth every cent',
  // sizes and bodies
  '38码刚好，平时穿38',
  '身高175cm体重65kg，买的XL合适',
  '腰围 2尺4，M 码偏大',
  'Size 10.5 US fits true to size',
  // order and tracking numbers in context
  '订单号 2026110512345678，客服处理很快',
  '订单号：202611051234567890 已经确认收货',
  '快递单号 SF1234567890123 第二天就到了',
  '物流单号 75312345678901，中通很快',
  '运单号13812345678，虽然像手机号，但这是单号',
  'Order number 2026110512345678 arrived on time',
  'tracking no. 13912345678 arrived in 2 days',
  // dates and times
  '2026-11-05 下单，2026-11-07 就到了',
  '11月5日买的，11月7日到',
  '2026.11.05 收到，14:30 签收',
  '2026/11/05 13:45 delivered',
  '双11买的，11.11 当天发货',
  // weights, quantities, model numbers
  '净重500g，实际称了502克',
  '2.5kg 一袋，买了3袋',
  '一共买了12件，全部完好',
  '型号 XQG100-14B1，洗衣机很安静',
  'iPhone 15 Pro Max 256GB 手机壳很合适',
  '电池 18650 两节，续航三小时',
  '充电器 65W，兼容 USB-C',
  // stars, ratings, feelings
  '5 stars, would buy again',
  '给5星，满分10分打9分',
  '一分钱一分货，三四天就到了',
  '客服私信我了，态度很好，问题解决了',
  '微信支付很方便，发货快',
  'Paid with WeChat Pay, fast shipping',
  'QQ音乐里听到的推荐，真的好用',
  '卖家电话回访了，说13号前补发',
  '去实体店看过，同款贵很多，这家便宜',
  '比别家便宜，质量一样',
  '来这家店买了好几次了，一直很满意',
  '到店自提很方便，店员很热情',
  '去贵店买过三次，这次也满意',
  '在本店买的第二个了，推荐',
  'WeChat payment went through instantly',
  '加我一个好评，物流给力',
  '在家里用了一周，没问题',
  'I checked the store page before buying, accurate photos',
  'The lamp is 45cm tall and 1.2kg',
  '上海仓发的货，第二天到杭州',
  'Version 2.0 of the app works with it',
  'Great value for ¥199 vs $30 elsewhere',
  '第一次买，一二三四都好',
  '第2026110512345678号订单，包装完好',
  '38 39 40 码都有货',
  'iPhone13 Pro 的壳，严丝合缝',
  '2026年11月5日签收，13:00 到的',
  '推荐给朋友了，店家很好',
  '到店取件很方便',
  '去楼下快递店拿的，没有破损',
  'Works with Node.js and the USB hub',
  '收到货 13 天了，一直在用',
];

describe('moderation table (the moderation rules of rulebook 2026-12-v5)', () => {
  it.each(mustHold)('holds %p under %s', (text, ruleId) => {
    expect(moderateText(text, rules, V5)).toEqual({ verdict: 'hold', ruleId, category: ruleId.split('.')[1], rulebookVersion: V5 });
  });

  it.each(mustPass.map((text) => [text]))('passes %p', (text) => {
    expect(moderateText(text, rules, V5)).toEqual({ verdict: 'pass' });
  });
});

describe('the moderation rules themselves', () => {
  it('every rule is exercised by at least one held text of the table', () => {
    const exercised = new Set(mustHold.map(([, ruleId]) => ruleId));
    expect(rules.rules.map((r) => r.ruleId).filter((id) => !exercised.has(id))).toEqual([]);
  });

  it('every rule id is moderation.<category>.<name>', () => {
    for (const rule of rules.rules) expect(rule.ruleId).toMatch(new RegExp(`^moderation\\.${rule.category}\\.[a-z_]+$`));
  });

  it('text built to make a careless pattern backtrack still gets an answer', () => {
    const adversarial = ['1 '.repeat(250), 'a.'.repeat(250), '去'.repeat(500), `${'a'.repeat(240)}@${'b'.repeat(240)}`, '￥'.repeat(500)];
    for (const text of adversarial) expect(() => firstModerationMatch(text, rules)).not.toThrow();
  });
});

describe('every published rulebook with moderation rules', () => {
  it('compiles: every pattern is a valid, bounded regular expression', () => {
    for (const book of rulebooks) if (book.moderation) expect(() => compiledModeration(book.moderation!)).not.toThrow();
  });
});
