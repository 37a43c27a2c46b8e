/** The words of the Platform view: the `platform` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '平台',
  },
  en: {
    title: 'Platform',
  },
};
