/** The words of the Shop view: the `shop` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '店铺',
  },
  en: {
    title: 'Shop',
  },
};
