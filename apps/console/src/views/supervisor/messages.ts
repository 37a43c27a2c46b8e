/** The words of the Supervisor view: the `supervisor` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '主管视图',
  },
  en: {
    title: 'Supervisor',
  },
};
