/** The words of the Work queue view: the `queue` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '待办队列',
  },
  en: {
    title: 'Work queue',
  },
};
