/** The words of the Finance view: the `finance` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '财务',
  },
  en: {
    title: 'Finance',
  },
};
