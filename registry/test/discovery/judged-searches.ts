/**
 * Ten searches on the demo catalog (domains/) with the three products a person
 * would expect on top, written down before ranking was tuned. `first` is the
 * one that must come first where a person would not hesitate; the other two
 * may come in either order.
 */
export const JUDGED_SEARCHES: { query: string; first?: string; top3: string[]; why: string }[] = [
  {
    query: 'orders',
    first: 'sales.orders',
    top3: ['sales.orders', 'sales.order-lines', 'finance.revenue'],
    why: 'the orders product, its lines, then the revenue booked from orders',
  },
  {
    query: 'revenue',
    first: 'finance.revenue',
    top3: ['finance.revenue', 'sales.orders', 'marketing.campaign-performance'],
    why: 'daily revenue, orders (tagged revenue), attributed revenue of campaigns',
  },
  {
    query: 'revnue',
    first: 'finance.revenue',
    top3: ['finance.revenue', 'sales.orders', 'marketing.campaign-performance'],
    why: 'a typo of revenue answers as revenue does',
  },
  {
    query: 'customer',
    first: 'customers.profiles',
    top3: ['customers.profiles', 'marketing.customer-segments', 'sales.orders'],
    why: 'the customer master, customer segments, then customer orders',
  },
  {
    query: 'campaign',
    first: 'marketing.campaigns',
    top3: ['marketing.campaigns', 'marketing.campaign-performance', 'sales.orders'],
    why: 'the campaigns, their performance, then orders carrying the campaign coupon',
  },
  {
    query: 'coupon',
    top3: ['sales.orders', 'marketing.campaigns', 'marketing.campaign-performance'],
    why: 'the products that hold or use coupon codes',
  },
  {
    query: 'daily',
    first: 'finance.revenue',
    top3: ['finance.revenue', 'finance.fx-rates', 'marketing.campaign-performance'],
    why: 'Daily Revenue by title, then the daily rates and daily campaign figures',
  },
  {
    query: 'segment',
    first: 'marketing.customer-segments',
    top3: ['marketing.customer-segments', 'marketing.campaigns', 'marketing.campaign-performance'],
    why: 'the segments, then the campaigns that target a segment',
  },
  {
    query: 'marketing',
    first: 'marketing.campaigns',
    top3: ['marketing.campaigns', 'marketing.customer-segments', 'marketing.campaign-performance'],
    why: 'Marketing Campaigns by title, then the rest of the marketing domain',
  },
  {
    query: 'ord',
    first: 'sales.orders',
    top3: ['sales.orders', 'sales.order-lines', 'finance.revenue'],
    why: 'typing "ord" in a search box already finds orders',
  },
];
