import type { OrderItem, ShippingAddress } from '@aftersales/contracts';
import type { AddNote, PlaceOrder } from '@aftersales/order';
import type { SeededRandom } from './seeded-random';

const catalogue: OrderItem[] = [
  { sku: 'tea-500g', title: 'Longjing tea 500 g', quantity: 1, unitPrice: 12800, category: 'food' },
  { sku: 'cup-set', title: 'Celadon tea cup set (4 pcs)', quantity: 1, unitPrice: 8900 },
  { sku: 'kettle-1l', title: 'Electric kettle 1 L', quantity: 1, unitPrice: 15900 },
  { sku: 'scarf-silk', title: 'Hangzhou silk scarf', quantity: 1, unitPrice: 22000 },
  { sku: 'phone-case', title: 'Phone case, custom print', quantity: 1, unitPrice: 4900, category: 'custom_made' },
  { sku: 'rice-5kg', title: 'Northeast rice 5 kg', quantity: 1, unitPrice: 6990, category: 'food' },
];

const cities = [
  { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu' },
  { province: 'Jiangsu', city: 'Suzhou', district: 'Gusu' },
  { province: 'Guangdong', city: 'Shenzhen', district: 'Nanshan' },
  { province: 'Sichuan', city: 'Chengdu', district: 'Wuhou' },
];

export const benchOrderId = (index: number): string => `ord_bench${index.toString(36).padStart(8, '0')}`;

export function sampleAddress(random: SeededRandom): ShippingAddress {
  const place = random.pick(cities);
  return {
    name: random.pick(['Li Lei', 'Han Meimei', 'Wang Fang', 'Zhang Wei']),
    phone: `138${random.int(10_000_000, 99_999_999)}`,
    ...place,
    street: `${random.int(1, 999)} ${random.pick(['Wensan Road', 'Renmin Road', 'Jiefang Street'])}`,
    postalCode: String(random.int(100_000, 899_999)),
  };
}

export function placeOrderCommand(
  orderId: string,
  at: string,
  random: SeededRandom,
  paymentMethod: 'online' | 'cod' = 'online',
): PlaceOrder {
  const count = random.int(1, 3);
  const start = random.int(0, catalogue.length - 1);
  const items = Array.from({ length: count }, (_, i) => ({ ...catalogue[(start + i) % catalogue.length], quantity: random.int(1, 3) }));
  return {
    type: 'PlaceOrder',
    orderId,
    buyerId: `buyer-${random.int(1, 50_000)}`,
    shopId: `shop-${random.int(1, 500)}`,
    currency: 'CNY',
    items,
    shippingFee: random.pick([0, 600, 1000]),
    paymentMethod,
    address: sampleAddress(random),
    at,
  };
}

const noteTexts = [
  'Buyer called: please deliver after 18:00 and leave the parcel with the concierge; gift wrapping was requested at checkout.',
  'Merchant confirmed the custom print proof by phone; production starts tomorrow, buyer informed about the extra day.',
  'Buyer asked to combine with the previous order from the same shop; explained that orders ship separately.',
];

/** A customer-service note; its event data is about 300 bytes of JSON, like the raw baseline row. */
export function addNoteCommand(orderId: string, at: string, sequence: number, agentId = 'agent-17'): AddNote {
  return { type: 'AddNote', orderId, text: `${noteTexts[sequence % noteTexts.length]} #${sequence}`, agentId, at };
}
