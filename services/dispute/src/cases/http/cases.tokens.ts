/** DI token of the case capability's facade. */
export const CASE_SERVICE_TOKEN = Symbol('CaseService');
