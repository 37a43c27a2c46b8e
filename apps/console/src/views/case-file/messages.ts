/** The words of the Case file view: the `caseFile` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '订单档案',
  },
  en: {
    title: 'Case file',
  },
};
